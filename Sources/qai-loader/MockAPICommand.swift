import ArgumentParser
import Foundation
import MockAPI

/// `qai-loader mock-api`: serve the built-in fake vendor API.
struct MockAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-api",
        abstract: "Serve the built-in fake Quality AI raw data API (seeded data, late audits, faults on demand).",
        discussion: """
            Control endpoints (no auth): GET /mock/info, GET|POST /mock/epoch, POST /mock/epoch/advance, \
            GET|POST /mock/clock, POST /mock/clock/advance (with --now), GET|POST /mock/faults, GET /mock/stats, \
            POST /mock/reset-stats, GET /mock/truth?stream=&from=&to=&at=, \
            GET /mock/truth/conversation/{stream}/{id}. Tokens are HS256 JWTs signed with --client-secret. \
            With --now the mock runs on a simulated clock: conversations exist once they have ended and audits \
            arrive at seeded times after them (see the README's mock-api section).
            """)

    @Option(help: "Address to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Option(help: "Port (0 = any free port; the chosen one is printed).")
    var port = 8089

    @Option(name: .customLong("stream"), help: "Stream id to serve; repeat for several.")
    var streams: [String] = ["st-demo"]

    @Option(help: "Conversations per stream.")
    var conversations = 2_000

    @Option(help: "Days of data, ending at --end.")
    var days = 30

    @Option(help: "End of the generated data (default: the current hour); may lie after --now.")
    var end: InstantArgument?

    @Option(help: "Seed of the generated data.")
    var seed: UInt64 = 42

    @Option(
        help: """
            Client secret that signs valid tokens. Env: QAI_MOCK_CLIENT_SECRET (or QAI_MOCK_CLIENT_SECRET_FILE). \
            Default: \(MockAPIConfiguration.defaultClientSecret).
            """)
    var clientSecret: String?

    @Option(help: "Initial late-audit epoch (epoch mode).")
    var epoch = 0

    @Option(help: "Run on a simulated clock starting at this time (clock mode; move it with POST /mock/clock).")
    var now: InstantArgument?

    @Option(
        help: """
            How offset and page combine: additive (offset + (page - 1) * limit), page (offset ignored), \
            offset (page ignored), mixed (a non-zero offset wins, else the page).
            """)
    var pagingModel: FaultConfiguration.PagingModel = .additive

    @Option(help: "Answer 400 to a request whose offset is over this (one version of the vendor's docs says 100).")
    var maxOffset: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard maxOffset.map({ $0 >= 0 }) ?? true else { throw ValidationError("--max-offset must not be negative") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard conversations >= 0 else { throw ValidationError("--conversations must not be negative") }
        guard days > 0 else { throw ValidationError("--days must be at least 1") }
        guard now == nil || epoch == 0 else {
            throw ValidationError("--epoch applies without --now only; leave one of them out")
        }
        guard !streams.isEmpty, streams.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--stream must name at least one non-empty stream id")
        }
    }

    /// The mock's configuration from the options, with the client secret that signs valid tokens.
    func mockConfiguration(secret: String) -> MockAPIConfiguration {
        MockAPIConfiguration(
            host: host, port: port, streams: streams, conversationsPerStream: conversations, days: days,
            end: end?.seconds, seed: seed, clientSecret: secret, epoch: epoch, clock: now?.seconds,
            faults: FaultConfiguration(pagingModel: pagingModel, maxOffset: maxOffset))
    }

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        let logger = resolved.log.makeLogger(label: "qai-loader.mock-api")
        let configuration = mockConfiguration(secret: resolved.clientSecret)
        let server = MockAPIServer(configuration: configuration, logger: logger)
        try await server.run { port in
            print("mock-api listening on http://\(host):\(port) (streams: \(streams.joined(separator: ", ")))")
            if configuration.clock != nil {
                print("simulated clock: GET /mock/clock; audits: \(configuration.auditLag)")
            }
        }
    }
}

extension FaultConfiguration.PagingModel: ExpressibleByArgument {}

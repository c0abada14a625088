import AsyncHTTPClient
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import Warehouse

/// What `demo` does once a database and the fake API are up: migrate, backfill the fake API's
/// history up to its simulated now, then move its clock a night at a time and run the nightly
/// `sync` (`NightlySync`, as `qai-loader sync` does) after each, and describe the result.
struct DemoScenario {
    /// Simulated nights of `sync` after the backfill.
    static let nights = 3

    /// A failure of the demo itself.
    struct ValidationErrorText: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let database: DatabaseConfiguration
    let schema: Identifier
    let mock: RunningMockAPIServer
    let logger: Logger

    func run() async throws -> String {
        let clock = ContinuousClock()
        let started = clock.now
        try await Connection.withConnection(database, logger: logger) { connection in
            _ = try await Migrator(schema: schema).migrate(connection, logger: logger)
        }
        // The fake API listens on loopback: direct, whatever proxy the environment names.
        let httpClient = HTTPClientFactory.direct.makeClient(logger: logger)
        do {
            let api = APIConfiguration(
                baseURL: mock.baseURL, streamIds: ["st-demo"], accountId: "demo-account", orgId: "demo-org",
                credentials: .clientCredentials(
                    clientId: "demo-app", clientSecret: MockAPIConfiguration.defaultClientSecret),
                requestsPerMinute: 0)
            let client = try RawDataClient(
                httpClient: httpClient, configuration: api, limiter: RateLimiter(requestsPerMinute: 0), logger: logger)
            let pipeline = SyncPipeline(client: client, database: database, schema: schema, logger: logger)
            let configuration = mock.control.configuration
            let now = mock.control.now ?? configuration.end
            let windows = SlicePlanner.windows(from: configuration.start, to: now - 600, sliceSeconds: 86_400)
            print("Backfilling \(windows.count) days ...")
            let first = try await pipeline.run(
                SyncRequest(
                    command: .backfill, options: ["demo": "first load"],
                    slices: windows.map { SliceSpec(streamId: "st-demo", window: $0, kind: .backfill) },
                    clock: { Double(now) }))
            var nights: [RunSummary] = []
            for night in 1...Self.nights {
                let time = now + Int64(night) * 86_400
                try mock.control.setClock(time)
                print("Night \(night) (simulated clock \(StatusTime.iso(time))): qai-loader sync ...")
                let request = try await Connection.withConnection(database, logger: logger) { connection in
                    try await NightlySync.prepare(
                        SyncSchedule(streams: ["st-demo"], now: time), options: ["demo": "night \(night)"],
                        clock: { Double(time) }, schema: schema, on: connection
                    ).request
                }
                nights.append(try await pipeline.run(request))
            }
            try await httpClient.shutdown()
            let elapsed = clock.now - started
            let examples = try await DemoQueries.render(database: database, schema: schema, logger: logger)
            return """

                Demo finished in \(elapsed.components.seconds) s.
                  first load: \(first.totals.load.inserted) conversations loaded (\(first.totals.requests.requests) API requests)
                  \(Self.nights) nights of sync: \(nights.map(\.totals.load.inserted).reduce(0, +)) new conversations, \
                \(nights.map(\.totals.load.auditChanges).reduce(0, +)) late audit changes, \
                \(nights.map(\.totals.load.unchanged).reduce(0, +)) unchanged rows not rewritten \
                (\((nights.last?.totals.requests.requests ?? 0) - first.totals.requests.requests) API requests)

                \(examples)
                """
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }
}

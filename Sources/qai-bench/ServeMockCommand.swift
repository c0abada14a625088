import ArgumentParser
import Foundation
import Logging
import MockAPI

/// `qai-bench serve-mock` (hidden): the mock API in its own process, so the loader's peak RSS
/// is measured without the mock's. Prints `listening <port>` once it accepts connections.
struct ServeMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-mock", abstract: "Serve the mock API for a benchmark (used by `sync`).",
        shouldDisplay: false)

    @Option(help: "Stream id.")
    var stream = BenchMock.stream

    @Option(help: "Conversations in the stream.")
    var conversations = 20_000

    @Option(help: "Days of data before --end.")
    var days = 30

    @Option(help: "End of the data, epoch seconds.")
    var end: Int64

    func run() async throws {
        var logger = Logger(label: "qai-bench.mock")
        logger.logLevel = .warning
        let server = MockAPIServer(
            configuration: BenchMock.configuration(stream: stream, conversations: conversations, days: days, end: end),
            logger: logger)
        try await server.run { port in
            FileHandle.standardOutput.write(Data("listening \(port)\n".utf8))
        }
    }
}

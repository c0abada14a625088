import Foundation
import Logging
import MockAPI

/// The mock API a benchmark fetches from: in its own process (`serve-mock`, the default, so
/// the benchmark's RSS is the loader's alone) or in this process.
struct BenchMock: Sendable {
    static let stream = "st-bench"

    /// `http://127.0.0.1:<port>`.
    let baseURL: String
    private let process: Process?
    private let server: RunningMockAPIServer?

    /// The mock's process id when it runs in its own process.
    var pid: Int32? { process?.processIdentifier }

    /// Port 0, a fixed end, unthrottled, no faults (unless `faults` says otherwise: in process only),
    /// every record serialised before listening.
    static func configuration(
        stream: String, conversations: Int, days: Int, end: Int64, faults: FaultConfiguration = FaultConfiguration()
    ) -> MockAPIConfiguration {
        var configuration = MockAPIConfiguration(
            host: "127.0.0.1", port: 0, streams: [stream], conversationsPerStream: conversations, days: days, end: end,
            prewarm: true)
        configuration.faults = faults
        return configuration
    }

    static func start(
        conversations: Int, days: Int, end: Int64, inProcess: Bool, faults: FaultConfiguration = FaultConfiguration()
    ) async throws -> BenchMock {
        if inProcess {
            var logger = Logger(label: "qai-bench.mock")
            logger.logLevel = .warning
            let server = try await MockAPIServer(
                configuration: configuration(
                    stream: stream, conversations: conversations, days: days, end: end, faults: faults),
                logger: logger
            ).start()
            return BenchMock(baseURL: server.baseURL, process: nil, server: server)
        }
        let process = Process()
        process.executableURL = try SelfExecutable.url()
        process.arguments = [
            "serve-mock", "--stream", stream, "--conversations", String(conversations), "--days", String(days),
            "--end", String(end),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        guard let line = readLine(from: output.fileHandleForReading), line.hasPrefix("listening "),
            let port = Int(line.dropFirst("listening ".count))
        else {
            process.terminate()
            process.waitUntilExit()
            throw ValidationErrorText("the mock API process did not report its port")
        }
        return BenchMock(baseURL: "http://127.0.0.1:\(port)", process: process, server: nil)
    }

    /// Stops the mock (SIGTERM to the child by its PID, or a graceful in-process shutdown).
    func stop() async {
        if let process {
            process.terminate()
            process.waitUntilExit()
        }
        await server?.stop()
    }

    private static func readLine(from handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            guard let chunk = try? handle.read(upToCount: 1), let byte = chunk.first else { return nil }
            if byte == 10 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}

/// The path of the running benchmark binary, to start helper processes of it.
enum SelfExecutable {
    static func url() throws -> URL {
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return URL(filePath: path)
    }
}

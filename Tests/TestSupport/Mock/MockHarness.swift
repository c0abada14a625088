import Logging
import MockAPI

/// The project's mock API, in process, on 127.0.0.1 (a port the system picks) for the length of a
/// test: started, reached through `baseURL`, and stopped.
public struct MockHarness: Sendable {
    /// The running server.
    public let server: RunningMockAPIServer
    /// What the server serves.
    public let configuration: MockAPIConfiguration

    /// `http://127.0.0.1:port`, the base URL to give a client.
    public var baseURL: String { server.baseURL }

    /// The port actually bound.
    public var port: Int { server.port }

    /// Starts a mock serving `configuration` on loopback; call `stop()` when done.
    public static func start(_ configuration: MockAPIConfiguration, logger: Logger = testLogger) async throws
        -> MockHarness
    {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        let server = try await MockAPIServer(configuration: configuration, logger: logger).start()
        return MockHarness(server: server, configuration: configuration)
    }

    /// Runs `body` against a mock serving `configuration`, and stops the mock afterwards.
    public static func with<T>(
        _ configuration: MockAPIConfiguration, logger: Logger = testLogger, _ body: (MockHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(configuration, logger: logger)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// Stops the server and waits until it is closed.
    public func stop() async {
        await server.stop()
    }
}

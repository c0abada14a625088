public import Logging
import ServiceLifecycle

/// Runs the mock API: in the foreground until cancelled or signalled (`run`), or in the background
/// with the bound port reported back (`start`), so tests and `demo` can use port 0.
public struct MockAPIServer: Sendable {
    public var configuration: MockAPIConfiguration
    public var logger: Logger

    public init(configuration: MockAPIConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves until the task is cancelled or the process gets SIGTERM/SIGINT (graceful shutdown).
    /// `onRunning` receives the bound port once the server listens.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = buildApplication(configuration, logger: logger, onServerRunning: onRunning)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Starts serving in a background task and returns once the server listens.
    public func start() async throws -> RunningMockAPIServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let control = MockControl(configuration: configuration)
        let app = buildApplication(control, logger: logger) { port in continuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        for await port in ports {
            return RunningMockAPIServer(
                host: configuration.host, port: port, control: control, group: group, task: task)
        }
        try await task.value
        throw MockAPIServerError(host: configuration.host, port: configuration.port)
    }
}

/// A mock API serving in the background; `stop()` shuts it down gracefully.
public struct RunningMockAPIServer: Sendable {
    public let host: String
    /// The port actually bound.
    public let port: Int
    /// The in-process handle on the mock's clock, epoch and truth.
    public let control: MockControl
    let group: ServiceGroup
    let task: Task<Void, any Error>

    /// `http://host:port`, the base URL to give a client.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Stops accepting connections, lets requests in flight finish, and waits until closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

/// The server stopped before it listened.
public struct MockAPIServerError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int

    public var description: String {
        "the mock API stopped before listening on \(host):\(port); check that the port is free and the host is a local address"
    }
}

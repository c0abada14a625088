import AsyncHTTPClient
import InMemoryLogging
import Logging
import MockAPI
import NetworkTestSupport
import QualityAI
import TestSupport

/// The mock API behind a TLS front with the test CA's certificate, and the helpers the proxy and
/// CA tests share.
struct NetworkHarness {
    static let proxyUser = "loader"
    static let proxyPassword = "Proxy-Pa55-\(UInt32.random(in: 1..<UInt32.max))"

    let mock: MockHarness
    let tls: TLSFront
    let certificates: TestCertificates

    /// Runs `body` with the mock served over `https://127.0.0.1:port`.
    static func with<T: Sendable>(_ body: (NetworkHarness) async throws -> T) async throws -> T {
        let certificates = try TestCertificates.shared()
        return try await MockHarness.with(MockHarness.mockConfiguration(conversations: 300, days: 1)) { mock in
            try await TLSFront.run(certificates: certificates, upstreamPort: mock.server.port) { tls in
                try await body(NetworkHarness(mock: mock, tls: tls, certificates: certificates))
            }
        }
    }

    /// The mock's whole range, one day.
    var window: TimeWindow { mock.range }

    /// Client settings for the TLS mock.
    func configuration(attempts: Int = 4, timeout: Duration = .seconds(10)) -> APIConfiguration {
        mock.clientConfiguration { settings in
            settings.baseURL = tls.baseURL()
            settings.maxAttempts = attempts
            settings.requestTimeout = timeout
        }
    }

    /// A debug-level captured logger.
    static func capturedLogger() -> (Logger, InMemoryLogHandler) {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        let captured = handler
        return (Logger(label: "network-tests") { _ in captured }, handler)
    }

    /// Fetches the whole window with a client from `factory`; returns the result or the error,
    /// and every log line (the client's and the HTTP client's) as text. `reconnect` keeps
    /// AsyncHTTPClient's retrying of failed connection attempts within the deadline (as `sync` has
    /// it); without it a failed connection fails the attempt at once (as `check` has it).
    func fetch(
        with factory: HTTPClientFactory, attempts: Int = 4, timeout: Duration = .seconds(10), reconnect: Bool = false
    ) async throws -> (result: Result<WindowResult, APIError>, logs: String) {
        let (logger, handler) = Self.capturedLogger()
        let http = factory.makeClient(logger: logger) { $0.connectionPool.retryConnectionEstablishment = reconnect }
        let outcome: Result<WindowResult, APIError>
        do {
            let client = try RawDataClient(
                httpClient: http, configuration: configuration(attempts: attempts, timeout: timeout),
                limiter: RateLimiter(requestsPerMinute: 0), clock: RecordingClock(), logger: logger)
            do {
                outcome = .success(try await client.fetchWindow(streamId: "st-mock", window: window))
            } catch {
                outcome = .failure(error)
            }
        } catch {
            try await http.shutdown()
            throw error
        }
        try await http.shutdown()
        let logs = handler.entries.map { "\($0.message) \($0.metadata) \($0.error.map { "\($0)" } ?? "")" }.joined(
            separator: "\n")
        return (outcome, logs)
    }

    /// The ids the mock says the window holds (asked over plain HTTP, directly).
    func truthIds() async throws -> [String] {
        try await mock.truthIds(HTTPClient.shared, window: window)
    }
}

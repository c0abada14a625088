import AsyncHTTPClient
import InMemoryLogging
import Logging
import QualityAI
import Synchronization

/// Secrets planted in the fixtures; no message, log line or description may contain them.
enum Planted {
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzLTEyMyJ9.c2lnbmF0dXJlLVNFQ1JFVC1KV1Q"
    static let clientSecret = "cs-9f1c2b7e-SECRET-d41d8cd98f00b204"

    static func appears(in text: String) -> Bool {
        text.contains(jwt) || text.contains(clientSecret) || text.contains("SECRET")
    }
}

/// Retry sleeps that return at once and are recorded.
final class RecordingClock: PacingClock {
    private let slept = Mutex([Duration]())
    private let origin = ContinuousClock.now

    func now() -> Duration { ContinuousClock.now - origin }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        slept.withLock { $0.append(duration) }
    }

    var sleeps: [Duration] { slept.withLock { $0 } }
}

/// A client against a local server, with its log captured at debug level.
struct ClientHarness {
    let client: RawDataClient
    let logs: InMemoryLogHandler
    let retryClock: RecordingClock

    static func configuration(baseURL: String, _ adjust: (inout APIConfiguration) -> Void = { _ in })
        -> APIConfiguration
    {
        var configuration = APIConfiguration(
            baseURL: baseURL, streamIds: ["st-1"], accountId: "acc-1", orgId: "o-1", credentials: .jwt(Planted.jwt),
            requestsPerMinute: 0, requestTimeout: .seconds(10), maxAttempts: 4)
        adjust(&configuration)
        return configuration
    }

    init(
        httpClient: HTTPClient, configuration: APIConfiguration, limiter: RateLimiter? = nil,
        tokens: TokenProvider? = nil
    ) throws {
        var handler = InMemoryLogHandler()
        handler.logLevel = .debug
        let captured = handler
        logs = handler
        retryClock = RecordingClock()
        client = try RawDataClient(
            httpClient: httpClient, configuration: configuration,
            limiter: limiter ?? RateLimiter(requestsPerMinute: configuration.requestsPerMinute), tokens: tokens,
            clock: retryClock, logger: Logger(label: "client-tests") { _ in captured })
    }

    /// Fetches and returns the error, or nil when the fetch succeeded.
    func failure(streamId: String = "st-1", window: TimeWindow) async -> APIError? {
        do {
            _ = try await client.fetchWindow(streamId: streamId, window: window)
            return nil
        } catch {
            return error
        }
    }
}

import AsyncHTTPClient
import Foundation
import MockAPI
import QualityAI
import TestSupport

/// The in-process mock API plus an HTTP client for its control and truth endpoints.
struct MockSource: Sendable {
    static let stream = "st-analytics"

    let harness: MockHarness
    let http: HTTPClient

    var configuration: MockAPIConfiguration { harness.configuration }

    /// Starts a mock serving `conversations` over `days` days ending at `end` (epoch seconds).
    static func start(conversations: Int, days: Int, end: Int64, seed: UInt64) async throws -> MockSource {
        let configuration = MockAPIConfiguration(
            port: 0, streams: [stream], conversationsPerStream: conversations, days: days, end: end, seed: seed)
        return MockSource(
            harness: try await MockHarness.start(configuration), http: HTTPClient(eventLoopGroupProvider: .singleton))
    }

    func stop() async {
        try? await http.shutdown()
        await harness.stop()
    }

    /// A client of the mock: any client id, the mock's secret, no pacing.
    func client() throws -> RawDataClient {
        let settings = APIConfiguration(
            baseURL: harness.baseURL, streamIds: [Self.stream], accountId: "acc-analytics", orgId: "o-analytics",
            credentials: .clientCredentials(
                clientId: "cs-analytics", clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0, requestTimeout: .seconds(30), maxAttempts: 4)
        return try RawDataClient(
            httpClient: http, configuration: settings, limiter: RateLimiter(requestsPerMinute: 0), logger: testLogger)
    }

    /// Moves the mock to its next late-audit epoch.
    func advanceEpoch() async throws {
        _ = try await MockTruth(baseURL: harness.baseURL, http: http).advanceEpoch()
    }

    /// The mock's ground truth for `[from, to]` (epoch seconds, inclusive), below-threshold included.
    func truth(from: Int64, to: Int64) async throws -> WindowTruth {
        WindowTruth(
            try await MockTruth(baseURL: harness.baseURL, http: http).window(stream: Self.stream, from: from, to: to))
    }
}

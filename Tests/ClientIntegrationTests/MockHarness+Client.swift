import AsyncHTTPClient
import Foundation
import MockAPI
import QualityAI
import TestSupport

/// The client tests' data set, and what they ask of the mock's ground truth.
extension MockHarness {
    static let clientId = "cs-mock-client"
    static let end: Int64 = 1_767_225_600 + 3 * 86_400

    static func mockConfiguration(
        conversations: Int = 2_500, days: Int = 3, faults: FaultConfiguration = FaultConfiguration()
    ) -> MockAPIConfiguration {
        MockAPIConfiguration(
            port: 0, streams: ["st-mock"], conversationsPerStream: conversations, days: days, end: end, seed: 11,
            clientId: clientId, accountId: "acc-mock", orgId: "o-mock", faults: faults)
    }

    /// The whole generated range, both ends inclusive.
    var range: TimeWindow { TimeWindow(start: configuration.start, end: configuration.end) }

    /// Client settings for this mock: minted tokens, no pacing, quick retries.
    func clientConfiguration(_ adjust: (inout APIConfiguration) -> Void = { _ in }) -> APIConfiguration {
        var settings = APIConfiguration(
            baseURL: server.baseURL, streamIds: ["st-mock"], accountId: "acc-mock", orgId: "o-mock",
            credentials: .clientCredentials(
                clientId: Self.clientId, clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0, requestTimeout: .seconds(10), maxAttempts: 8)
        adjust(&settings)
        return settings
    }

    /// The ids the mock says a correct loader ends up with for `window` (below-threshold included).
    func truthIds(_ http: HTTPClient, window: TimeWindow) async throws -> [String] {
        try await MockTruth(baseURL: baseURL, http: http).window(stream: "st-mock", from: window.start, to: window.end)
            .ids
    }

    /// The mock's request counters.
    func stats(_ http: HTTPClient) async throws -> [String: Any] {
        try await MockTruth(baseURL: baseURL, http: http).stats()
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import MockAPI
import NIOCore
import QualityAI

/// The project's mock API in the background, plus what the tests ask of its ground truth.
struct MockHarness {
    static let clientId = "cs-mock-client"
    static let end: Int64 = 1_767_225_600 + 3 * 86_400

    let server: RunningMockAPIServer
    let configuration: MockAPIConfiguration

    static func mockConfiguration(
        conversations: Int = 2_500, days: Int = 3, faults: FaultConfiguration = FaultConfiguration()
    ) -> MockAPIConfiguration {
        MockAPIConfiguration(
            port: 0, streams: ["st-mock"], conversationsPerStream: conversations, days: days, end: end, seed: 11,
            clientId: clientId, accountId: "acc-mock", orgId: "o-mock", faults: faults)
    }

    /// Runs `body` against a mock serving `configuration`, and stops the mock afterwards.
    static func with<T>(
        _ configuration: MockAPIConfiguration, _ body: (MockHarness) async throws -> T
    ) async throws -> T {
        let server = try await MockAPIServer(
            configuration: configuration, logger: Logger(label: "mock") { _ in SwiftLogNoOpLogHandler() }
        ).start()
        do {
            let result = try await body(MockHarness(server: server, configuration: configuration))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
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
        let from = window.startText.replacingOccurrences(of: " ", with: "T")
        let to = window.endText.replacingOccurrences(of: " ", with: "T")
        let url = "\(server.baseURL)/mock/truth?stream=st-mock&from=\(from)&to=\(to)&include_below_threshold=true"
        let object = try await getJSON(http, url)
        return object["ids"] as? [String] ?? []
    }

    /// The mock's request counters.
    func stats(_ http: HTTPClient) async throws -> [String: Any] {
        try await getJSON(http, "\(server.baseURL)/mock/stats")
    }

    private func getJSON(_ http: HTTPClient, _ url: String) async throws -> [String: Any] {
        let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 64 << 20)
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }
}

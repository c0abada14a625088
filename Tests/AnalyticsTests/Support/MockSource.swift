import AsyncHTTPClient
import Foundation
import MockAPI
import QualityAI

/// The in-process mock API plus an HTTP client for its control and truth endpoints.
struct MockSource: Sendable {
    static let stream = "st-analytics"

    let server: RunningMockAPIServer
    let configuration: MockAPIConfiguration
    let http: HTTPClient

    /// Starts a mock serving `conversations` over `days` days ending at `end` (epoch seconds).
    static func start(conversations: Int, days: Int, end: Int64, seed: UInt64) async throws -> MockSource {
        let configuration = MockAPIConfiguration(
            port: 0, streams: [stream], conversationsPerStream: conversations, days: days, end: end, seed: seed)
        let server = try await MockAPIServer(configuration: configuration, logger: testLogger).start()
        return MockSource(
            server: server, configuration: configuration, http: HTTPClient(eventLoopGroupProvider: .singleton))
    }

    func stop() async {
        try? await http.shutdown()
        await server.stop()
    }

    /// A client of the mock: any client id, the mock's secret, no pacing.
    func client() throws -> RawDataClient {
        let settings = APIConfiguration(
            baseURL: server.baseURL, streamIds: [Self.stream], accountId: "acc-analytics", orgId: "o-analytics",
            credentials: .clientCredentials(
                clientId: "cs-analytics", clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0, requestTimeout: .seconds(30), maxAttempts: 4)
        return try RawDataClient(
            httpClient: http, configuration: settings, limiter: RateLimiter(requestsPerMinute: 0), logger: testLogger)
    }

    /// Moves the mock to its next late-audit epoch.
    func advanceEpoch() async throws {
        var request = HTTPClientRequest(url: "\(server.baseURL)/mock/epoch/advance")
        request.method = .POST
        let response = try await http.execute(request, timeout: .seconds(30))
        guard response.status == .ok else {
            throw MockSourceError(message: "epoch advance answered \(response.status)")
        }
        _ = try await response.body.collect(upTo: 1 << 20)
    }

    /// The mock's ground truth for `[from, to]` (epoch seconds, inclusive), below-threshold included.
    func truth(from: Int64, to: Int64) async throws -> WindowTruth {
        let first = VendorTimestamp.format(from).replacingOccurrences(of: " ", with: "T")
        let last = VendorTimestamp.format(to).replacingOccurrences(of: " ", with: "T")
        let url =
            "\(server.baseURL)/mock/truth?stream=\(Self.stream)&from=\(first)&to=\(last)&include_below_threshold=true"
        let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        else { throw MockSourceError(message: "the truth endpoint did not answer a JSON object") }
        return WindowTruth(object)
    }
}

/// The mock did not answer as expected.
struct MockSourceError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

import AsyncHTTPClient
import InMemoryLogging
import Logging
import QualityAI
import TestSupport
import Testing

/// Concurrent fetchers sharing one limiter, as seen from the server; and what the client logs.
@Suite struct ClientPacingTests {
    static let start: Int64 = 1_767_225_600

    @Test func concurrentFetchersStayWithinTheBudgetAtTheServer() async throws {
        let vendor = ScriptedVendor.seeded(count: 1_000, start: Self.start, seconds: 4 * 86_400)
        let limit = 4
        // The server stamps arrivals when its event loop gets to them, which lags on a loaded
        // machine (by more than a second during the full parallel suite); a two-second budget and a
        // 3 s margin keep that noise out of the check.
        let budgetWindow = Duration.seconds(2)
        let limiter = RateLimiter(limit: limit, per: budgetWindow + .seconds(3))
        let (arrivals, fetched, throttled) = try await ScriptedServer.run({ vendor.answer($0) }) { server in
            try await HTTPClient.withHTTPClient { http in
                let harness = try ClientHarness(
                    httpClient: http, configuration: ClientHarness.configuration(baseURL: server.baseURL),
                    limiter: limiter)
                let client = harness.client
                let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                    for day in 0..<4 {
                        let first = Self.start + Int64(day) * 86_400
                        group.addTask {
                            let window = TimeWindow(start: first, end: first + 86_399)
                            return try await client.fetchWindow(streamId: "st-1", window: window).conversations.count
                        }
                    }
                    return try await group.reduce(0, +)
                }
                return (server.requests.map(\.arrival).sorted(), counts, client.statistics.snapshot().throttled)
            }
        }
        #expect(fetched == 1_000)
        #expect(arrivals.count >= 12)
        for index in limit..<arrivals.count {
            #expect(arrivals[index] - arrivals[index - limit] >= budgetWindow)
        }
        #expect(throttled > .zero)
    }

    @Test func requestsAreLoggedWithDottedKeysAndNoSecret() async throws {
        let vendor = ScriptedVendor.seeded(count: 150, start: Self.start, seconds: 86_400)
        let entries = try await ScriptedServer.run({ vendor.answer($0) }) { server in
            try await HTTPClient.withHTTPClient { http in
                let harness = try ClientHarness(
                    httpClient: http, configuration: ClientHarness.configuration(baseURL: server.baseURL))
                _ = try await harness.client.fetchWindow(
                    streamId: "st-1", window: TimeWindow(start: Self.start, end: Self.start + 86_399))
                return harness.logs.entries
            }
        }
        let requests = entries.filter { $0.message == "qai.request" }
        let responses = entries.filter { $0.message == "qai.response" }
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.level == .debug })
        #expect(requests.map { $0.metadata["page.number"]?.description } == ["1", "2"])
        #expect(responses.allSatisfy { $0.metadata["http.status"]?.description == "200" })
        #expect(responses.first?.metadata["stream.id"]?.description == "st-1")
        #expect(responses.first?.metadata["window.start"]?.description == "2026-01-01 00:00:00")
        for entry in entries {
            #expect(!Planted.appears(in: "\(entry.message) \(entry.metadata)"))
            #expect(entry.level <= .info)
        }
    }
}

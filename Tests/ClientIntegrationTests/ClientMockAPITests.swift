import AsyncHTTPClient
import MockAPI
import QualityAI
import TestSupport
import Testing

/// The client against the project's mock API, compared with the mock's ground truth.
@Suite struct ClientMockAPITests {
    func fetchAll(
        _ mock: MockHarness, http: HTTPClient, _ adjust: (inout APIConfiguration) -> Void = { _ in }
    ) async throws -> (WindowResult, [String]) {
        let harness = try ClientHarness(httpClient: http, configuration: mock.clientConfiguration(adjust))
        let result = try await harness.client.fetchWindow(streamId: "st-mock", window: mock.range)
        return (result, try await mock.truthIds(http, window: mock.range))
    }

    @Test func everyRecordOfAMultiDayRangeArrivesExactlyOnce() async throws {
        try await MockHarness.with(MockHarness.mockConfiguration()) { mock in
            try await HTTPClient.withHTTPClient { http in
                let (result, truth) = try await fetchAll(mock, http: http)
                let ids = result.conversations.map(\.conversationId)
                #expect(truth.count > 2_000)
                #expect(ids.count == truth.count)
                #expect(Set(ids) == Set(truth))
                #expect(result.rejections.isEmpty)
                let stats = try await mock.stats(http)
                #expect(stats["rawDataRequests"] as? Int == result.statistics.requests)
                #expect(result.statistics.retries == 0)
            }
        }
    }

    @Test func everyRecordArrivesDespite429s5xxTruncatedAndDroppedAnswers() async throws {
        let faults = FaultConfiguration(
            rateLimitEvery: 7, retryAfter: .httpDate, rateLimitBodyEvery: 9, rateLimitBodyStatus: 200,
            serverErrorRate: 0.1, truncatedBodyEvery: 5, htmlErrorEvery: 11, dropConnectionEvery: 13,
            maxFaultsInARow: 3)
        try await MockHarness.with(MockHarness.mockConfiguration(faults: faults)) { mock in
            try await HTTPClient.withHTTPClient { http in
                let (result, truth) = try await fetchAll(mock, http: http)
                let ids = result.conversations.map(\.conversationId)
                #expect(ids.count == truth.count)
                #expect(Set(ids) == Set(truth))
                #expect(result.statistics.retries >= 10)
                #expect(result.statistics.rateLimited >= 3)
                let stats = try await mock.stats(http)
                #expect(stats["rawDataRequests"] as? Int == result.statistics.requests)
            }
        }
    }

    /// With `stuckPaging` every page number past 1 repeats page 1 (the API ignores `page`): the
    /// client learns to page by offset, which the mock honours, and loads everything once.
    @Test func pagesRepeatingPageOneArePagedByOffsetWithoutLoopingOrLoss() async throws {
        let configuration = MockHarness.mockConfiguration(
            conversations: 600, days: 1, faults: FaultConfiguration(stuckPaging: true))
        try await MockHarness.with(configuration) { mock in
            try await HTTPClient.withHTTPClient { http in
                let (result, truth) = try await fetchAll(mock, http: http)
                #expect(Set(result.conversations.map(\.conversationId)) == Set(truth))
                #expect(result.conversations.count == truth.count)
                #expect(result.statistics.splits == 0)
                // ceil(truth / 100) pages by offset, plus the page 2 that repeated page 1.
                #expect(result.statistics.requests == (truth.count + 99) / 100 + 1)
            }
        }
    }

    @Test func wrongSecretUnknownStreamAndForeignAccountFailAtOnce() async throws {
        try await MockHarness.with(MockHarness.mockConfiguration(conversations: 50)) { mock in
            try await HTTPClient.withHTTPClient { http in
                let cases: [(APIConfiguration, String, APIError.Code, String)] = [
                    (
                        mock.clientConfiguration {
                            $0.credentials = .clientCredentials(
                                clientId: MockHarness.clientId, clientSecret: Planted.clientSecret)
                        }, "st-mock", .unauthorized, "appId claim"
                    ),
                    (mock.clientConfiguration(), "st-unknown", .streamNotFound, "QAI_STREAM_ID"),
                    (mock.clientConfiguration { $0.accountId = "acc-other" }, "st-mock", .forbidden, "client id"),
                ]
                for (configuration, stream, code, advice) in cases {
                    let before = try await mock.stats(http)["rawDataRequests"] as? Int ?? 0
                    let harness = try ClientHarness(httpClient: http, configuration: configuration)
                    let error = await harness.failure(streamId: stream, window: mock.range)
                    let after = try await mock.stats(http)["rawDataRequests"] as? Int ?? 0
                    #expect(error?.code == code)
                    #expect(after - before == 1)
                    #expect(error?.description.contains(advice) == true)
                    #expect(!Planted.appears(in: error?.debugDescription ?? ""))
                    #expect(error?.debugDescription.contains(MockAPIConfiguration.defaultClientSecret) == false)
                }
            }
        }
    }

    /// Takes a little over a minute: the mock's limiter counts a trailing 60 s, so the budget can
    /// only be shown to hold across a window boundary by crossing one.
    @Test(.timeLimit(.minutes(5)))
    func concurrentFetchersUnderASharedLimiterNeverTripTheMocksRateLimit() async throws {
        let budget = 30
        let configuration = MockHarness.mockConfiguration(
            conversations: 3_600, faults: FaultConfiguration(requestsPerMinute: budget))
        try await MockHarness.with(configuration) { mock in
            try await HTTPClient.withHTTPClient { http in
                let harness = try ClientHarness(
                    httpClient: http, configuration: mock.clientConfiguration { $0.requestsPerMinute = budget },
                    limiter: RateLimiter(requestsPerMinute: budget))
                let client = harness.client
                let parts = mock.range.parts(4)
                let fetched = try await withThrowingTaskGroup(of: Int.self) { group in
                    for part in parts {
                        group.addTask {
                            try await client.fetchWindow(streamId: "st-mock", window: part).conversations.count
                        }
                    }
                    return try await group.reduce(0, +)
                }
                let truth = try await mock.truthIds(http, window: mock.range)
                let stats = try await mock.stats(http)
                let times = (stats["requestTimesMs"] as? [Int] ?? []).sorted()
                #expect(fetched == truth.count)
                #expect(times.count > budget)
                #expect(client.statistics.snapshot().rateLimited == 0)
                #expect((stats["byStatus"] as? [String: Int])?["429"] == nil)
                for index in budget..<times.count {
                    #expect(times[index] - times[index - budget] >= 60_000)
                }
            }
        }
    }
}

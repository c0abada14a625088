import AsyncHTTPClient
import QualityAI
import TestSupport
import Testing

/// Paging against a scripted vendor whose ground truth is a fixed list of records.
@Suite struct ClientPagingTests {
    // 2026-01-01 00:00:00 UTC
    static let start: Int64 = 1_767_225_600
    let threeDays = TimeWindow(start: start, end: start + 3 * 86_400 - 1)

    func fetch(
        _ vendor: ScriptedVendor, window: TimeWindow, adjust: @escaping (inout APIConfiguration) -> Void = { _ in }
    ) async throws -> (Result<WindowResult, APIError>, [ScriptedRequest]) {
        try await ScriptedServer.run({ vendor.answer($0) }) { server in
            try await HTTPClient.withHTTPClient { http in
                let harness = try ClientHarness(
                    httpClient: http, configuration: ClientHarness.configuration(baseURL: server.baseURL, adjust))
                do {
                    let result = try await harness.client.fetchWindow(streamId: "st-1", window: window)
                    return (.success(result), server.requests)
                } catch {
                    return (.failure(error as! APIError), server.requests)
                }
            }
        }
    }

    /// (startDate, endDate, page) of every request: none may repeat.
    func pageKeys(_ requests: [ScriptedRequest]) -> [PageRequest] { requests.compactMap(PageRequest.init) }

    @Test func everyRecordArrivesExactlyOnceAndNoPageIsAskedTwice() async throws {
        let vendor = ScriptedVendor.seeded(count: 2_345, start: Self.start, seconds: 3 * 86_400)
        let (outcome, requests) = try await fetch(vendor, window: threeDays)
        let result = try outcome.get()
        #expect(result.conversations.count == 2_345)
        #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.records.map(\.id)))
        #expect(result.totalResults == 2_345)
        let keys = pageKeys(requests)
        #expect(Set(keys).count == keys.count)
        #expect(result.statistics.requests == requests.count)
        #expect(result.statistics.splits >= 1)
        #expect(requests.count <= 2_345 / 100 + 8)
    }

    @Test func aSmallWindowIsPagedWithoutSplitting() async throws {
        let vendor = ScriptedVendor.seeded(count: 250, start: Self.start, seconds: 86_400)
        let (outcome, requests) = try await fetch(vendor, window: threeDays)
        let result = try outcome.get()
        #expect(result.conversations.count == 250)
        #expect(pageKeys(requests).map(\.page) == [1, 2, 3])
        #expect(result.statistics.splits == 0)
    }

    @Test func anExactMultipleOfThePageSizeNeedsNoEmptyPage() async throws {
        let vendor = ScriptedVendor.seeded(count: 200, start: Self.start, seconds: 86_400)
        let (outcome, requests) = try await fetch(vendor, window: threeDays)
        #expect(try outcome.get().conversations.count == 200)
        #expect(requests.count == 2)
    }

    @Test func aVendorThatIgnoresThePageIsSplitAroundInsteadOfLooping() async throws {
        var vendor = ScriptedVendor.seeded(count: 300, start: Self.start, seconds: 86_400)
        vendor.ignoresPage = true
        let (outcome, requests) = try await fetch(vendor, window: threeDays)
        let result = try outcome.get()
        #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.records.map(\.id)))
        let keys = pageKeys(requests)
        #expect(Set(keys).count == keys.count)
        #expect(result.statistics.splits >= 2)
    }

    @Test func pagingThatStaysStuckInOneSecondThrowsStuckPaging() async throws {
        var vendor = ScriptedVendor(records: [
            ("c-a", Self.start + 5), ("c-b", Self.start + 5), ("c-c", Self.start + 5),
        ])
        vendor.ignoresPage = true
        let window = TimeWindow(start: Self.start, end: Self.start + 63)
        let (outcome, requests) = try await fetch(vendor, window: window) { $0.pageSize = 2 }
        guard case .failure(let error) = outcome else {
            Issue.record("expected stuckPaging")
            return
        }
        #expect(error.code == .stuckPaging)
        #expect(error.streamId == "st-1")
        #expect(error.window == TimeWindow(start: Self.start + 5, end: Self.start + 5))
        #expect(error.page == 2)
        #expect(error.description.contains("2026-01-01 00:00:05..2026-01-01 00:00:05"))
        #expect(requests.count <= 20)
    }

    @Test func aWrongTotalIsRepairedBySplittingOnce() async throws {
        var vendor = ScriptedVendor.seeded(count: 180, start: Self.start, seconds: 86_400)
        vendor.totalResultsError = 1
        vendor.lieAboveSeconds = 2 * 86_400
        let (outcome, _) = try await fetch(vendor, window: threeDays)
        let result = try outcome.get()
        #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.records.map(\.id)))
        #expect(result.statistics.splits == 1)
    }

    @Test func aTotalThatNeverAddsUpIsAnIncompleteWindow() async throws {
        var vendor = ScriptedVendor.seeded(count: 180, start: Self.start, seconds: 86_400)
        vendor.totalResultsError = 5
        let (outcome, _) = try await fetch(vendor, window: threeDays)
        guard case .failure(let error) = outcome else {
            Issue.record("expected incompleteWindow")
            return
        }
        #expect(error.code == .incompleteWindow)
        #expect(error.description.contains("stream st-1"))
    }

    @Test func repeatedIdsAreKeptOnceAndCounted() async throws {
        var vendor = ScriptedVendor.seeded(count: 50, start: Self.start, seconds: 86_400)
        vendor.records.append(("c-twice", Self.start + 100))
        vendor.records.append(("c-twice", Self.start + 100))
        let (outcome, _) = try await fetch(vendor, window: threeDays)
        let result = try outcome.get()
        #expect(result.conversations.count == 51)
        #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.records.map(\.id)))
        #expect(result.statistics.duplicates == 1)
    }

    @Test func withoutTotalsPagingStopsOnAShortPage() async throws {
        var vendor = ScriptedVendor.seeded(count: 230, start: Self.start, seconds: 86_400)
        vendor.omitsTotals = true
        let (outcome, requests) = try await fetch(vendor, window: threeDays)
        #expect(try outcome.get().conversations.count == 230)
        #expect(pageKeys(requests).map(\.page) == [1, 2, 3])
    }
}

import AsyncHTTPClient
import QualityAI
import TestSupport
import Testing

/// Issue 8, bad input corpus, over a real socket: pages whose envelope lies or whose body is not
/// data. Each ends with every record exactly once, or an error naming stream, window and page;
/// never a loop (each test bounds its requests) and never a crash.
@Suite(.timeLimit(.minutes(5))) struct ReliabilityBadPageTests {
    // 2026-01-01 00:00:00 UTC
    static let start: Int64 = 1_767_225_600
    let day = TimeWindow(start: start, end: start + 86_399)

    func fetch(_ vendor: HostileVendor, adjust: @escaping (inout APIConfiguration) -> Void = { _ in }) async throws
        -> (Result<WindowResult, APIError>, [ScriptedRequest])
    {
        let window = day
        return try await ScriptedServer.run({ vendor.answer($0) }) { server in
            try await HTTPClient.withHTTPClient { http in
                let harness = try ClientHarness(
                    httpClient: http, configuration: ClientHarness.configuration(baseURL: server.baseURL, adjust))
                do {
                    return (
                        .success(try await harness.client.fetchWindow(streamId: "st-1", window: window)),
                        server.requests
                    )
                } catch {
                    return (.failure(error as! APIError), server.requests)
                }
            }
        }
    }

    /// Records the scenario's line: lost and duplicated ids against the vendor's records.
    func report(_ scenario: String, _ result: WindowResult?, _ vendor: HostileVendor) {
        let ids = result?.conversations.map(\.conversationId) ?? []
        let truth = Set(vendor.base.records.map(\.id))
        ScenarioReport.record(
            "bad input: \(scenario)", runs: 1, passed: result != nil, lost: truth.subtracting(ids).count,
            duplicated: ids.count - Set(ids).count)
    }

    @Test("hasMore always true: paging stops on a short page, or on totalResults after an exact multiple")
    func hasMoreAlwaysTrue() async throws {
        for (count, pages) in [(230, 3), (200, 3)] {
            var vendor = HostileVendor(base: .seeded(count: count, start: Self.start, seconds: 86_400))
            vendor.alwaysHasMore = true
            let (outcome, requests) = try await fetch(vendor)
            let result = try outcome.get()
            #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.base.records.map(\.id)))
            #expect(result.conversations.count == count)
            #expect(requests.compactMap(PageRequest.init).map(\.page) == Array(1...pages))
            report("hasMore always true (\(count) records)", result, vendor)
        }
    }

    @Test("hasMore always true and the page ignored: the window is split around, never looped")
    func hasMoreAlwaysTrueAndPagesRepeat() async throws {
        var vendor = HostileVendor(base: .seeded(count: 300, start: Self.start, seconds: 86_400))
        vendor.base.ignoresPage = true
        vendor.alwaysHasMore = true
        let (result, served) = try await fetch(vendor)
        let fetched = try result.get()
        #expect(Set(fetched.conversations.map(\.conversationId)) == Set(vendor.base.records.map(\.id)))
        #expect(served.count < 200)
        report("hasMore always true, page ignored", fetched, vendor)
    }

    @Test("a totalResults of 10^15 for long windows costs a bounded number of requests, and nothing is lost")
    func totalResultsFarTooHigh() async throws {
        var vendor = HostileVendor(base: .seeded(count: 150, start: Self.start, seconds: 86_400))
        vendor.announce = { seconds, truth in seconds > 3_600 ? 1_000_000_000_000_000 : truth }
        let (outcome, requests) = try await fetch(vendor)
        let result = try outcome.get()
        #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.base.records.map(\.id)))
        // One day in parts of at most 16 (90 minutes each, still over an hour), then 16 again: 1 + 16 + 256 pages.
        #expect(requests.count <= 1 + 16 + 256 + 16)
        report("totalResults far too high", result, vendor)
    }

    @Test(
        "a vendor that invents full pages forever is stopped with stuckPaging naming stream, window and page",
        arguments: [-1, 1_000_000_000_000_000])
    func endlessPagesOfNewIds(announced: Int) async throws {
        var vendor = HostileVendor(base: ScriptedVendor(records: []))
        vendor.endless = true
        vendor.announce = { _, _ in announced }
        let (outcome, requests) = try await fetch(vendor) { $0.splitThreshold = 200 }
        guard case .failure(let error) = outcome else {
            Issue.record("endless paging must fail the window")
            return
        }
        #expect(error.code == .stuckPaging)
        // Depth first: the first one-second window is where it stops, on its second page (200 records).
        #expect(error.description.contains("stream st-1, window 2026-01-01 00:00:00..2026-01-01 00:00:00, page 2"))
        #expect(requests.count <= 18 * 2)
        ScenarioReport.record(
            "bad input: endless full pages, totalResults \(announced) (stuckPaging)", runs: 1,
            passed: error.code == .stuckPaging, lost: 0, duplicated: 0)
    }

    @Test("a totalResults that is always too low ends in incompleteWindow naming stream and window")
    func totalResultsTooLow() async throws {
        var vendor = HostileVendor(base: .seeded(count: 150, start: Self.start, seconds: 86_400))
        vendor.announce = { _, truth in max(0, truth - 10) }
        let (outcome, requests) = try await fetch(vendor)
        guard case .failure(let error) = outcome else {
            Issue.record("a total that never adds up must fail the window")
            return
        }
        #expect(error.code == .incompleteWindow)
        #expect(error.description.contains("stream st-1"))
        #expect(error.description.contains("window 2026-01-01"))
        #expect(requests.count <= 10)
        ScenarioReport.record(
            "bad input: totalResults too low (incompleteWindow)", runs: 1, passed: error.code == .incompleteWindow,
            lost: 0, duplicated: 0)
    }

    @Test("an HTML page with status 200 is retried; when it persists the error names stream, window and page")
    func htmlPageWithStatus200() async throws {
        var vendor = HostileVendor(base: .seeded(count: 250, start: Self.start, seconds: 86_400))
        vendor.htmlPages = [2]
        vendor.htmlAttempts = 1
        let (outcome, _) = try await fetch(vendor)
        let result = try outcome.get()
        #expect(Set(result.conversations.map(\.conversationId)) == Set(vendor.base.records.map(\.id)))
        #expect(result.statistics.retries == 1)
        report("HTML page with status 200 (once)", result, vendor)

        var always = HostileVendor(base: .seeded(count: 250, start: Self.start, seconds: 86_400))
        always.htmlPages = [2]
        let (failed, requests) = try await fetch(always)
        guard case .failure(let error) = failed else {
            Issue.record("an HTML page on every attempt must fail the window")
            return
        }
        #expect(error.code == .invalidResponse)
        #expect(error.status == 200)
        #expect(error.description.contains("stream st-1, window 2026-01-01 00:00:00..2026-01-01 23:59:59, page 2"))
        #expect(error.description.contains("HTML"))
        #expect(requests.count == 1 + 4, "page 1, then page 2 for each of the 4 attempts")
        ScenarioReport.record(
            "bad input: HTML page with status 200 (always, invalidResponse)", runs: 1,
            passed: error.code == .invalidResponse, lost: 0, duplicated: 0)
    }

    @Test("the same id on two pages of a window arrives once, the later copy kept, and is counted")
    func duplicateIdsAcrossPages() async throws {
        var base = ScriptedVendor.seeded(count: 150, start: Self.start + 100, seconds: 80_000)
        base.records += [("c-dup", Self.start + 1), ("c-dup", Self.start + 86_000)]
        let vendor = HostileVendor(base: base)
        let (outcome, _) = try await fetch(vendor)
        let result = try outcome.get()
        #expect(result.conversations.count == 151)
        #expect(Set(result.conversations.map(\.conversationId)) == Set(base.records.map(\.id)))
        let kept = result.conversations.first { $0.conversationId == "c-dup" }
        #expect(kept?.conversationStart == Timestamp(microseconds: (Self.start + 86_000) * 1_000_000))
        #expect(result.statistics.splits == 1, "the window is fetched again in halves to explain the count")
        report("duplicate ids across pages", result, vendor)
    }

    @Test("a window fetched again in halves quarantines its id-less record once, not once per fetch")
    func refetchDoesNotQuarantineTwice() async throws {
        var base = ScriptedVendor.seeded(count: 150, start: Self.start + 100, seconds: 80_000)
        base.records += [("", Self.start + 50), ("c-dup", Self.start + 1), ("c-dup", Self.start + 86_000)]
        let (outcome, _) = try await fetch(HostileVendor(base: base))
        let result = try outcome.get()
        #expect(result.statistics.splits == 1)
        #expect(result.conversations.count == 151)
        #expect(result.rejections.count == 1)
        #expect(result.rejections.first?.context.window == TimeWindow(start: Self.start, end: Self.start + 43_199))
        report("id-less record in a refetched window", result, HostileVendor(base: ScriptedVendor(records: [])))
    }

    @Test("a window split because a page repeats earlier ids quarantines its id-less record once")
    func splitDoesNotQuarantineTwice() async throws {
        let records: [(id: String, time: Int64)] =
            [("c-dup", Self.start + 1)] + (1...6).map { ("c-\($0)", Self.start + 10 * Int64($0)) }
            + [("", Self.start + 70), ("c-dup", Self.start + 86_000)]
        let vendor = HostileVendor(base: ScriptedVendor(records: records))
        let (outcome, _) = try await fetch(vendor) { $0.pageSize = 4 }
        let result = try outcome.get()
        #expect(result.statistics.splits == 1, "page 3 holds only c-dup, seen on page 1")
        #expect(Set(result.conversations.map(\.conversationId)) == Set(["c-dup"] + (1...6).map { "c-\($0)" }))
        #expect(result.rejections.count == 1)
        report("id-less record in a split window", result, HostileVendor(base: ScriptedVendor(records: [])))
    }
}

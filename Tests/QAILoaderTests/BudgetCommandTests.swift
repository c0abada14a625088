import AsyncHTTPClient
import Foundation
import MockAPI
import Postgres
import TestSupport
import Testing

/// Issue 15, part 3, through the built binary: a `backfill` with a request budget counts its
/// requests in the warehouse, and `status` shows the budget in use.
@Suite("qai-loader status: the shared request budget")
struct BudgetCommandTests {
    @Test("a backfill at 60 requests a minute: status shows the account's requests of the last minute")
    func statusShowsTheBudget() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            var environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            environment["QAI_REQUESTS_PER_MINUTE"] = "60"
            let backfill = try await LoaderProcess.run(
                ["backfill", "--from", "2026-01-01", "--to", "2026-01-03"], environment: environment)
            #expect(backfill.exitCode == 0, "\(backfill.all)")
            #expect(!backfill.all.contains("budget.unshared"), "\(backfill.all)")
            let requests = try await Fixture.count("SELECT sum(requests)::int FROM qai.etl_run", on: database)
            #expect(requests > 0)
            let counted = try await Fixture.count(
                "SELECT count(*)::int FROM qai.etl_account_request WHERE completed_at IS NOT NULL", on: database)
            #expect(counted == requests, "every request was taken and released in the warehouse")
            // What status shows can only fall as the requests age out of the minute: bracket it.
            let recent =
                "SELECT count(*)::int FROM qai.etl_account_request WHERE completed_at > now() - interval '60.5 seconds'"
            let recentBefore = try await Fixture.count(recent, on: database)
            let json = try await LoaderProcess.run(["status", "--json"], environment: environment)
            let recentAfter = try await Fixture.count(recent, on: database)
            #expect(json.exitCode == 0, "\(json.all)")
            let object = try StatusCommandTests.json(json)
            let budgets = try #require(object["budgets"] as? [[String: Any]])
            #expect(budgets.count == 1)
            #expect(budgets.first?["account_id"] as? String == "acc-dayone")
            let shown = try #require(budgets.first?["requests_in_window"] as? Int)
            #expect((recentAfter...recentBefore).contains(shown), "\(shown) not in \(recentAfter)...\(recentBefore)")
            #expect(budgets.first?["paused"] as? Bool == false)
            #expect(budgets.first.map { Set($0.keys) } == Self.budgetKeys)
            let text = try await LoaderProcess.run(["status"], environment: environment)
            #expect(text.stdout.contains("Request budget in use"), "\(text.stdout)")
            #expect(text.stdout.contains("account acc-dayone: "), "\(text.stdout)")
        }
    }

    @Test("two loader processes of one account (two streams) stay under 5 requests a minute together: no 429")
    func twoProcessesShareTheBudget() async throws {
        let database = try await Fixture.migratedDatabase()
        let streams = [Fixture.stream, "st-daytwo"]
        // 150 conversations a stream over 3 days: about 4 requests each, 8 together, so the budget of
        // 5 a minute makes the last ones wait a minute (unshared, all 8 would go at once).
        let configuration = MockAPIConfiguration(
            port: 0, streams: streams, conversationsPerStream: 150, days: Fixture.days, end: Fixture.end, seed: 6,
            clientId: Fixture.clientId, accountId: "acc-dayone", orgId: "o-dayone",
            faults: FaultConfiguration(requestsPerMinute: 5))
        try await MockHarness.with(configuration) { mock in
            let truth = MockTruth(baseURL: mock.server.baseURL, http: HTTPClient.shared)
            var environment = Fixture.environment(database: database, apiBaseURL: mock.server.baseURL)
            environment["QAI_REQUESTS_PER_MINUTE"] = "5"
            let range = ["backfill", "--from", "2026-01-01", "--to", "2026-01-03"]
            async let first = LoaderProcess.run(
                range, environment: environment.merging(["QAI_STREAM_ID": streams[0]]) { $1 })
            async let second = LoaderProcess.run(
                range, environment: environment.merging(["QAI_STREAM_ID": streams[1]]) { $1 })
            let outputs = try await [first, second]
            for output in outputs { #expect(output.exitCode == 0, "\(output.all)") }
            let stats = try await truth.stats()
            let faults = stats["faults"] as? [String: Int] ?? [:]
            #expect(faults["rateLimitExceeded", default: 0] == 0, "the mock answered 429: \(faults)")
            let times = (stats["requestTimesMs"] as? [Int] ?? []).sorted()
            #expect(times.count > 5, "\(times.count) requests: too few to need the budget")
            var busiest = 0
            var low = 0
            for high in times.indices {
                while times[high] - times[low] >= 60_000 { low += 1 }
                busiest = max(busiest, high - low + 1)
            }
            #expect(busiest <= 5, "\(busiest) requests arrived within 60 s")
            for stream in streams {
                let expected = try await truth.window(stream: stream).conversationCount
                let loaded = try await Fixture.count(
                    "SELECT count(*)::int FROM qai.fact_conversation WHERE stream_id = '\(stream)'", on: database)
                #expect(loaded == expected && expected > 0, "\(stream): \(loaded) of \(expected)")
            }
        }
    }

    static let budgetKeys: Set = ["account_id", "requests_in_window", "paused_until", "paused", "pause_reason"]
}

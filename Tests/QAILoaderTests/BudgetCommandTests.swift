import Foundation
import Postgres
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

    static let budgetKeys: Set = ["account_id", "requests_in_window", "paused_until", "paused", "pause_reason"]
}

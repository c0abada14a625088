import Postgres
import Testing

@testable import Warehouse

/// The end-of-run rollup refresh, a chunk of days a transaction.
@Suite struct RollupRefreshTests {
    @Test(
        "a run over more days than one refresh transaction takes leaves no day pending and every day's rollup equal to its facts"
    )
    func refreshCoversEveryChunk() async throws {
        let days = 2 * SyncExecution.refreshDaysPerTransaction + 5
        try await SyncHarness.with(conversations: 1_500, days: days) { harness in
            _ = try await harness.run(harness.backfill())
            #expect(try await harness.integer("SELECT count(*) FROM qai.rollup_pending_day") == 0)
            let factDays = try await harness.counts(
                """
                SELECT (conversation_start AT TIME ZONE 'UTC')::date::text, count(*)
                FROM qai.fact_conversation WHERE conversation_start IS NOT NULL GROUP BY 1
                """)
            let rollupDays = try await harness.counts(
                "SELECT day::text, sum(conversations)::bigint FROM qai.rollup_daily_stream GROUP BY 1")
            #expect(factDays.count > 2 * SyncExecution.refreshDaysPerTransaction, "the run must span three chunks")
            #expect(rollupDays == factDays)
        }
    }
}

import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 8, database faults: a `statement_timeout` set on the database cancels a merge statement
/// (57014). The loader does not retry it (the same batch would run as long again): the run fails
/// saying what to change, keeps what it committed, and a rerun after the reset equals the truth.
@Suite struct ReliabilityStatementTimeoutTests {
    static let stream = "st-sync"
    static let conversations = ReliabilityScale.current.pick(small: 2_000, full: 20_000)
    static let days = ReliabilityScale.current.pick(small: 14, full: 30)

    @Test(
        "a database statement_timeout cancels the third batch's merge; the run fails clearly; a rerun equals the truth")
    func statementTimeoutFailsTheRunAndARerunResumes() async throws {
        try await SyncHarness.with(conversations: Self.conversations, days: Self.days) { harness in
            // Once two slices are committed, inserting metric rows takes longer than the timeout allows.
            try await harness.observer.executeScript(
                unsafeSQL: """
                    CREATE FUNCTION qai.test_slow_merge() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF (SELECT count(*) FROM qai.etl_slice WHERE status = 'done') >= 2 THEN
                            PERFORM pg_sleep(6);
                        END IF;
                        RETURN NULL;
                    END $$;
                    CREATE TRIGGER test_slow_merge AFTER INSERT ON qai.fact_metric
                        FOR EACH STATEMENT EXECUTE FUNCTION qai.test_slow_merge();
                    """, name: "slow merge trigger")
            let name = try await harness.query("SELECT current_database()").first?[0] ?? ""
            let database = try Identifier(name).quoted
            try await harness.observer.execute(
                Query(unsafeSQL: "ALTER DATABASE \(database) SET statement_timeout = '2s'"))
            let request = harness.backfill(concurrency: 1, batchConversations: 1)
            let failure = await #expect(throws: PostgresError.self) { try await harness.run(request) }
            #expect(failure?.sqlState == .queryCanceled)
            let text = failure.map { "\($0)" } ?? ""
            for part in ["57014", "statement_timeout", "ALTER ROLE", "run the same command again"] {
                #expect(text.contains(part), "the error should say \(part)")
            }
            let failed = try await harness.runRecord(1)
            #expect(failed.status == "failed" && failed.error?.contains("statement_timeout") == true)
            let committed = try await harness.committedTally(stream: Self.stream)
            #expect(committed.slices == 2, "two batches committed before the timeout")
            #expect(committed.tally == RowTally(), "facts equal the committed checkpoints")

            try await harness.observer.execute(Query(unsafeSQL: "ALTER DATABASE \(database) RESET statement_timeout"))
            try await harness.observer.execute("DROP TRIGGER test_slow_merge ON qai.fact_metric")
            try await harness.rerunAndReport(
                request, stream: Self.stream, committedSlices: 2, scenario: "statement timeout cancels a merge, rerun",
                faultAsExpected: failure?.sqlState == .queryCanceled)
        }
    }
}

import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 8, database faults: the disk fills up mid-run, simulated by a trigger on `fact_metric`
/// that raises `disk_full` (53100) from the fourth batch on. The run fails advising to free disk
/// space, keeps the batches committed before, and a rerun once space is back equals the truth.
@Suite struct ReliabilityDiskFullTests {
    static let stream = "st-sync"
    static let conversations = ReliabilityScale.current.pick(small: 2_000, full: 20_000)
    static let days = ReliabilityScale.current.pick(small: 14, full: 30)

    @Test("disk_full on the fourth batch: the run fails advising to free disk space; a rerun equals the truth")
    func diskFullFailsTheRunAndARerunResumes() async throws {
        try await SyncHarness.with(conversations: Self.conversations, days: Self.days) { harness in
            try await harness.observer.executeScript(
                unsafeSQL: """
                    CREATE FUNCTION qai.test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF (SELECT count(*) FROM qai.etl_slice WHERE status = 'done') >= 3 THEN
                            RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device'
                                USING ERRCODE = 'disk_full', HINT = 'Check free disk space.';
                        END IF;
                        RETURN NULL;
                    END $$;
                    CREATE TRIGGER test_disk_full AFTER INSERT ON qai.fact_metric
                        FOR EACH STATEMENT EXECUTE FUNCTION qai.test_disk_full();
                    """, name: "disk full trigger")
            let request = harness.backfill(concurrency: 1, batchConversations: 1)
            let failure = await #expect(throws: PostgresError.self) { try await harness.run(request) }
            #expect(failure?.sqlState == .diskFull)
            let text = failure.map { "\($0)" } ?? ""
            for part in ["53100", "No space left on device", "free disk space", "batches committed before are kept"] {
                #expect(text.contains(part), "the error should say \(part)")
            }
            let failed = try await harness.runRecord(1)
            #expect(failed.status == "failed" && failed.error?.contains("free disk space") == true)
            let committed = try await harness.committedTally(stream: Self.stream)
            #expect(committed.slices == 3, "three batches committed before the disk filled up")
            #expect(committed.tally == RowTally(), "facts equal the committed checkpoints")

            try await harness.observer.execute("DROP TRIGGER test_disk_full ON qai.fact_metric")
            try await harness.rerunAndReport(
                request, stream: Self.stream, committedSlices: 3, scenario: "disk full mid-run, rerun",
                faultAsExpected: failure?.sqlState == .diskFull)
        }
    }
}

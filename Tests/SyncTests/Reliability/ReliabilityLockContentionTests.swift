import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 8, database faults: an analyst's long transaction holds a lock that conflicts with the
/// loader's writes on `fact_conversation`. The loader waits at most its lock timeout per try, rolls
/// back, retries with the same fetched data, and never makes readers wait.
@Suite struct ReliabilityLockContentionTests {
    static let stream = "st-sync"
    static let conversations = ReliabilityScale.current.pick(small: 2_000, full: 20_000)
    static let days = ReliabilityScale.current.pick(small: 14, full: 30)

    @Test(
        "an analyst's SHARE lock on fact_conversation: the loader waits, retries, finishes; a dashboard read is not blocked"
    )
    func loaderRetriesUntilTheAnalystLetsGo() async throws {
        try await SyncHarness.with(conversations: Self.conversations, days: Self.days) { harness in
            let analyst = try await harness.session("analyst")
            let dashboard = try await harness.session("dashboard")
            try await analyst.execute("BEGIN")
            try await analyst.execute("LOCK TABLE qai.fact_conversation IN SHARE MODE")
            // Long lock waits against short backoffs: the loader spends most of each try waiting, so
            // the observer sees it even when the whole test suite loads the machine.
            var request = harness.backfill()
            request.lockPolicy = LockPolicy(
                timeout: .seconds(2), maxRetries: 30, backoff: .milliseconds(100), maxBackoff: .milliseconds(200))
            let run = Task { [request] in try await harness.run(request) }
            let waiting = try await harness.eventually(seconds: 180) { try await harness.loaderWaitingForLock() != nil }
            #expect(waiting, "the loader was never seen waiting for its lock")
            // A dashboard's read while the loader queues for its lock answers at once.
            try await dashboard.execute("SET lock_timeout = '1s'")
            let read = try await dashboard.execute("SELECT count(*) FROM qai.fact_conversation")
            #expect(try read.first?.decode(0, as: Int.self) == 0)
            // Hold the lock for longer than a lock timeout, so at least one try gives up, then let go.
            try await Task.sleep(for: .seconds(3))
            try await analyst.execute("COMMIT")
            let summary = try await run.value
            await analyst.close()
            await dashboard.close()

            let truth = try await harness.truth.window(stream: Self.stream)
            try await harness.expectMatches(truth, stream: Self.stream)
            let record = try await harness.runRecord(summary.runId)
            let retries = try await harness.lockRetries(summary.runId)
            #expect(record.status == "succeeded")
            #expect(retries > 0, "etl_run.lock_retries counts the retried batches")
            #expect(summary.totals.lockRetries == retries)
            #expect(try await harness.truth.stats()["rawDataRequests"] as? Int == record.requests, "no page re-fetched")
            let tally = try await harness.rowTally(truth, stream: Self.stream)
            ScenarioReport.record(
                "lock contention: analyst SHARE lock, loader retries", runs: 1,
                passed: record.status == "succeeded" && retries > 0, lost: tally.lost, duplicated: tally.duplicated)
            #expect(tally == RowTally())
        }
    }

    @Test(
        "an analyst who never lets go: the run fails naming the holder, keeps its committed slices, a rerun equals the truth"
    )
    func runFailsClearlyWhenTheLockIsNeverReleased() async throws {
        try await SyncHarness.with(conversations: Self.conversations, days: Self.days) { harness in
            // Slow pages and one slice per batch, so some batches commit before the analyst's lock.
            try await harness.truth.setFaults(#"{"delayMilliseconds":60}"#)
            var request = harness.backfill(concurrency: 1, batchConversations: 1)
            request.followsData = false  // every planned day commits on its own, from the first on
            request.lockPolicy = LockPolicy(timeout: .milliseconds(300), maxRetries: 2, backoff: .milliseconds(100))
            let run = Task { [request] in try await harness.run(request) }
            #expect(try await harness.eventually { try await harness.doneSlices() >= 2 })
            let analyst = try await harness.session("analyst")
            let analystPid = try await analyst.execute("SELECT pg_backend_pid()").first?.decode(0, as: Int.self) ?? 0
            try await analyst.execute("BEGIN")
            try await analyst.execute("LOCK TABLE qai.fact_conversation IN SHARE MODE")
            let failure = await #expect(throws: WarehouseError.self) { try await run.value }
            #expect(failure?.code == .lockConflict)
            let text = failure.map { "\($0)" } ?? ""
            for part in [
                "lock timeout", "pid \(analystPid) (user", "application analyst", "ShareLock on qai.fact_conversation",
                "everything committed before is kept", "pg_stat_activity", "--lock-timeout-seconds",
                "run the same command again",
            ] {
                #expect(text.contains(part), "the error should say \(part)")
            }
            let failed = try await harness.runRecord(1)
            #expect(failed.status == "failed" && failed.error?.contains("pg_stat_activity") == true)
            // The batch that gave up retried exactly twice; the other writer's batch, waiting on the
            // same lock until it was cancelled, may have retried up to twice as well.
            let retries = try await harness.lockRetries(1)
            #expect((2...4).contains(retries), "lock_retries \(retries): 2 from the failed batch, at most 2 more")
            let committed = try await harness.committedTally(stream: Self.stream)
            #expect(committed.slices >= 2 && committed.slices < request.slices.count)
            #expect(committed.tally == RowTally(), "facts equal the committed checkpoints")

            try await analyst.execute("COMMIT")
            await analyst.close()
            try await harness.truth.setFaults("{}")
            try await harness.rerunAndReport(
                request, stream: Self.stream, committedSlices: committed.slices,
                scenario: "lock contention: analyst never lets go, rerun",
                faultAsExpected: failure?.code == .lockConflict)
        }
    }
}

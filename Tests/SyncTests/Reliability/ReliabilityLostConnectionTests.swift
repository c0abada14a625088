import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 8, database faults: a DBA terminates the loader's backend (`pg_terminate_backend`, found
/// in `pg_stat_activity` by `application_name = 'qai-loader'`) while a batch is inside its
/// transaction. The run fails with the lost-connection error, is recorded failed, keeps what it
/// committed, and a rerun equals the truth.
@Suite struct ReliabilityLostConnectionTests {
    static let stream = "st-sync"
    static let conversations = ReliabilityScale.current.pick(small: 2_000, full: 20_000)
    static let days = ReliabilityScale.current.pick(small: 14, full: 30)

    @Test(
        "the loader's backend terminated mid-transaction: the run fails as a lost connection; a rerun equals the truth")
    func terminatedBackendFailsTheRunAndARerunResumes() async throws {
        try await SyncHarness.with(conversations: Self.conversations, days: Self.days) { harness in
            try await harness.truth.setFaults(#"{"delayMilliseconds":60}"#)
            var request = harness.backfill(concurrency: 1, batchConversations: 1)
            request.followsData = false  // every planned day commits on its own, from the first on
            request.lockPolicy = LockPolicy(timeout: .seconds(60))
            let run = Task { [request] in try await harness.run(request) }
            #expect(try await harness.eventually { try await harness.doneSlices() >= 2 })
            // An analyst's lock holds the next batch inside its transaction while the DBA acts.
            let analyst = try await harness.session("analyst")
            try await analyst.execute("BEGIN")
            try await analyst.execute("LOCK TABLE qai.fact_conversation IN SHARE MODE")
            var loader: Int?
            #expect(
                try await harness.eventually {
                    loader = try await harness.loaderWaitingForLock(); return loader != nil
                })
            let pid = try #require(loader)
            try await harness.observer.execute("SELECT pg_terminate_backend(\(pid))")
            let failure = await #expect(throws: PostgresError.self) { try await run.value }
            try await analyst.execute("COMMIT")
            await analyst.close()
            #expect(failure?.code == .connectionClosed)
            let text = failure.map { "\($0)" } ?? ""
            #expect(text.contains("connection to PostgreSQL was lost"), "the error should say the connection was lost")
            #expect(text.contains("run the same command again"), "the error should say to rerun")
            let failed = try await harness.runRecord(1)
            #expect(failed.status == "failed", "a fresh connection records the failure")
            #expect(failed.error?.contains("connection to PostgreSQL was lost") == true)
            let committed = try await harness.committedTally(stream: Self.stream)
            #expect(committed.slices >= 2 && committed.slices < request.slices.count)
            #expect(committed.tally == RowTally(), "facts equal the committed checkpoints")

            try await harness.truth.setFaults("{}")
            try await harness.rerunAndReport(
                request, stream: Self.stream, committedSlices: committed.slices,
                scenario: "lost connection mid-transaction, rerun",
                faultAsExpected: failure?.code == .connectionClosed)
        }
    }
}

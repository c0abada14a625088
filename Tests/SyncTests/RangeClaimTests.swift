import Foundation
import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 15, part 4: runs lock the ranges they load, not the stream. A backfill of old history and
/// the nightly sync of the same stream run side by side and both equal the truth; an overlapping
/// run refuses, naming the run in its way; a dead process's claim does not block anyone.
@Suite struct RangeClaimTests {
    static let stream = "st-sync"
    static let day: Int64 = 86_400

    /// `etl_run`'s start and end of a run, epoch milliseconds.
    static func interval(_ harness: SyncHarness, _ runId: Int64) async throws -> (Int64, Int64) {
        let rows = try await harness.query(
            """
            SELECT (extract(epoch FROM started_at) * 1000)::bigint, (extract(epoch FROM finished_at) * 1000)::bigint
            FROM qai.etl_run WHERE run_id = \(runId)
            """)
        return (try rows.first?.decode(0, as: Int64.self) ?? 0, try rows.first?.decode(1, as: Int64.self) ?? 0)
    }

    @Test("a backfill of old history and a sync of the same stream run side by side; both equal the truth")
    func disjointRunsRunSideBySide() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 40) { harness in
            let end = SyncHarness.end
            _ = try await harness.run(harness.backfill(from: end - 20 * Self.day, to: end - 3 * Self.day))
            // Slow answers, one slice at a time: each run takes seconds, so they overlap in time.
            try await harness.truth.setFaults(#"{"delayMilliseconds":120}"#)
            var old = harness.backfill(from: end - 40 * Self.day, to: end - 20 * Self.day)
            old.concurrency = 1
            var sync = harness.syncRequest(try await harness.plan(now: end), now: end)
            sync.concurrency = 1
            let syncStart = try #require(sync.slices.map(\.window.start).min())
            #expect(syncStart >= end - 20 * Self.day, "the sync's range starts after the old backfill's")
            async let backfillRun = harness.run(old)
            async let syncRun = harness.run(sync)
            let (backfilled, synced) = try await (backfillRun, syncRun)
            let (a, b) = (
                try await Self.interval(harness, backfilled.runId), try await Self.interval(harness, synced.runId)
            )
            #expect(a.0 < b.1 && b.0 < a.1, "the two runs overlapped in time: \(a) and \(b)")
            for run in [backfilled, synced] {
                #expect(try await harness.runRecord(run.runId).status == "succeeded")
            }
            try await harness.truth.setFaults("{}")
            let truth = try await harness.truth.window(stream: Self.stream)
            try await harness.expectMatches(truth, stream: Self.stream)
            let status = try await harness.status()
            #expect(status.watermark == end, "the sync's watermark reached now")
            #expect(status.gaps.isEmpty, "coverage has no gaps: \(status.gaps)")
            #expect(status.coveredFrom == end - 40 * Self.day && status.coveredTo == end)
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_run_claim") == 0, "claims released")
        }
    }

    @Test("an overlapping run refuses naming the run in its way; stream rewind refuses while a load runs")
    func overlappingRunRefuses() async throws {
        try await SyncHarness.with(conversations: 2_000, days: 10) { harness in
            let end = SyncHarness.end
            try await harness.truth.setFaults(#"{"delayMilliseconds":150}"#)
            var first = harness.backfill(from: end - 10 * Self.day, to: end)
            first.concurrency = 1
            first.followsData = false
            let running = Task { [first] in try await harness.run(first) }
            let claimed = try await harness.eventually(seconds: 60) {
                try await harness.integer("SELECT count(*) FROM qai.etl_run_claim WHERE run_id IS NOT NULL") == 1
            }
            try #require(claimed, "the first run never claimed its range")
            let runId = Int64(try await harness.integer("SELECT run_id FROM qai.etl_run_claim"))
            let refused = await #expect(throws: WarehouseError.self) {
                _ = try await harness.run(harness.backfill(from: end - 5 * Self.day, to: end - 4 * Self.day))
            }
            #expect(refused?.code == .lockHeld)
            let message = refused.map { "\($0)" } ?? ""
            for part in ["stream \(Self.stream)", "run \(runId) (backfill", "overlaps", "nothing was changed"] {
                #expect(message.contains(part), "the refusal should say \(part): \(message)")
            }
            let rewind = await #expect(throws: WarehouseError.self) {
                _ = try await StreamRewind(schema: harness.schema).run(
                    stream: Self.stream, to: end - 5 * Self.day, dryRun: false, on: harness.observer)
            }
            #expect(rewind?.code == .lockHeld)
            #expect(rewind.map { "\($0)" }?.contains("run \(runId) (backfill") == true)
            try await harness.truth.setFaults("{}")
            let summary = try await running.value
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_run") == 1, "the refused run left no row")
            #expect(try await harness.runRecord(summary.runId).status == "succeeded")
            let truth = try await harness.truth.window(stream: Self.stream)
            try await harness.expectMatches(truth, stream: Self.stream)
        }
    }

    @Test("the claim of a process that died is deleted by the next run, which loads")
    func staleClaimIsCleared() async throws {
        try await SyncHarness.with(conversations: 300, days: 3) { harness in
            let end = SyncHarness.end
            _ = try await harness.query(
                """
                INSERT INTO qai.etl_run_claim (claim_key, stream_id, range_start, range_end, command, run_id)
                VALUES ('qai-loader:claim:qai:dead', \(Self.stream), to_timestamp(\(end - 3 * Self.day)),
                    to_timestamp(\(end - 1)), 'backfill', 99)
                """)
            let summary = try await harness.run(harness.backfill())
            #expect(try await harness.runRecord(summary.runId).status == "succeeded")
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_run_claim") == 0)
            let truth = try await harness.truth.window(stream: Self.stream)
            try await harness.expectMatches(truth, stream: Self.stream)
        }
    }
}

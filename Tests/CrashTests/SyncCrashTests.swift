import EmbeddedPostgres
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("kill -9 of a nightly sync, then a rerun")
struct SyncCrashTests {
    /// A sync's watermark must only cover an unbroken run of done one-day slices from `--since`,
    /// whatever the moment of the kill (two writers commit batches out of order, so a commit may
    /// leave it behind, never ahead); the rerun then completes the range and the warehouse
    /// holds exactly the uninterrupted backfill's data (its `etl_slice` windows differ: a sync's
    /// last window ends at "now minus settle", and its rerun re-sweeps the lookback window).
    @Test(
        "a sync killed at a crash point leaves no watermark past a gap, and its rerun completes the range",
        arguments: ["before-commit:2", "after-commit:1", "before-finish:1"])
    func killSyncThenRerun(_ crashAt: String) async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.fastMock.value
        let reference = try await CrashFixture.reference.value
        let database = try await TestPostgres.makeDatabase(prefix: "qai_crash_sync")
        try await loader.migrate(database, mockBaseURL: mock.baseURL)
        let settle = (Int64(Date().timeIntervalSince1970) - CrashFixture.end) / 60

        let killed = try await loader.startSync(
            database, mockBaseURL: mock.baseURL, settleMinutes: settle, crashAt: crashAt
        ).wait()
        try #require(
            killed.ending == .signalled(SIGKILL),
            "crash point \(crashAt) was not reached: the sync ended with \(killed.ending)\n\(killed.transcript)")
        let others = try await RunLedger.waitForOtherSessionsToEnd(database)
        #expect(others == 0, "sessions of the killed sync still connected 10 s after the kill")
        let left = try await RunLedger.checkpoints(database)
        #expect(left.facts == left.checkpointed, "a kill at \(crashAt) left facts without checkpoints: \(left)")
        let watermark = try await RunLedger.watermark(database, since: CrashFixture.from)
        #expect(watermark?.missingDays ?? [] == [], "a kill at \(crashAt) left the watermark past a gap")
        if left.batches == 0 { #expect(watermark == nil, "a watermark without a committed batch: \(left)") }

        let killedRun = try #require(try await RunLedger.read(database).first?.runId)
        let rerun = try await loader.startSync(database, mockBaseURL: mock.baseURL, settleMinutes: settle).wait()
        try #require(
            rerun.ending == .exited(0),
            "the sync rerun after \(crashAt) ended with \(rerun.ending)\n\(rerun.transcript)")
        // The rerun continues where the committed coverage ends and the fresh days are not due for a
        // re-sweep: no slice the killed sync committed is fetched again.
        #expect(
            try await RunLedger.doneSlices(ofRun: killedRun, database) == left.slices,
            "the rerun fetched slices the killed sync had committed\n\(rerun.output)")
        let runs = try await RunLedger.read(database)
        #expect(runs.map(\.status) == ["failed", "succeeded"], "etl_run after the rerun: \(runs)")
        let final = try #require(try await RunLedger.watermark(database, since: CrashFixture.from))
        #expect(final.watermark >= CrashFixture.end && final.missingDays == [], "watermark after the rerun: \(final)")
        let fingerprint = try await WarehouseFingerprint.read(database)
        let differences = fingerprint.differences(from: reference.fingerprint, excluding: ["etl_slice"])
        let tally = fingerprint.rowTally(against: reference.fingerprint)
        ScenarioReport.record(
            "crash: kill -9 of a nightly sync at \(crashAt)", runs: 2,
            passed: differences.isEmpty && runs.map(\.status) == ["failed", "succeeded"], lost: tally.lost,
            duplicated: tally.duplicated)
        #expect(
            differences.isEmpty,
            "after a sync killed at \(crashAt) and a rerun the warehouse differs:\n\(differences.joined(separator: "\n"))"
        )
    }
}

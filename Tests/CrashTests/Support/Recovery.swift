import Foundation
import Postgres
import TestSupport
import Testing

/// After an interrupted backfill: checks that what is committed matches its checkpoints, reruns
/// the backfill without faults, and checks that the rerun resumed, closed the interrupted run as
/// failed, and left the warehouse equal to the uninterrupted reference load.
struct Recovery {
    let loader: LoaderBinary
    let database: DatabaseConfiguration
    let mockBaseURL: String
    /// What interrupted the earlier runs, for failure messages.
    let interruption: String
    /// How many runs were interrupted before the rerun.
    var interruptedRuns = 1
    /// The reliability table's scenario name.
    var scenario: String

    /// Runs the checks; returns the checkpoints the interrupted run left.
    @discardableResult
    func rerunAndVerify(reference: CrashFixture.Reference) async throws -> RunLedger.Checkpoints {
        let others = try await RunLedger.waitForOtherSessionsToEnd(database)
        #expect(others == 0, "sessions of the interrupted loader still connected 10 s after \(interruption)")
        let left = try await RunLedger.checkpoints(database)
        #expect(
            left.facts == left.checkpointed,
            "after \(interruption) the warehouse holds \(left.facts) conversations but done slices account for \(left.checkpointed)"
        )
        let rerun = try await loader.startBackfill(database, mockBaseURL: mockBaseURL).wait()
        try #require(
            rerun.ending == .exited(0),
            "the rerun after \(interruption) ended with \(rerun.ending)\n\(rerun.transcript)")
        #expect(
            Self.resumedSlices(rerun.output) == left.slices,
            "the rerun after \(interruption) should resume the \(left.slices) slices already done\n\(rerun.output)")

        let runs = try await RunLedger.read(database)
        try #require(
            runs.count == interruptedRuns + 1, "expected the interrupted runs and the rerun in etl_run, found \(runs)")
        for run in runs.dropLast() {
            #expect(
                run.status == "failed" && run.error != nil,
                "an interrupted run should be closed as failed by the next run: \(run)")
        }
        let last = runs[interruptedRuns]
        #expect(last.status == "succeeded", "the rerun should succeed: \(last)")
        #expect(
            last.fetched == reference.run.fetched - left.checkpointed,
            "the rerun should fetch only what the interrupted runs had not committed: \(last)")
        if left.slices > 0 {
            #expect(
                last.requests < reference.run.requests,
                "a resumed rerun should need fewer requests than a full run (\(reference.run.requests)): \(last)")
        }

        let fingerprint = try await WarehouseFingerprint.read(database)
        let differences = fingerprint.differences(from: reference.fingerprint)
        let tally = fingerprint.rowTally(against: reference.fingerprint)
        ScenarioReport.record(
            scenario, runs: interruptedRuns + 1, passed: differences.isEmpty && last.status == "succeeded",
            lost: tally.lost, duplicated: tally.duplicated)
        #expect(
            differences.isEmpty,
            "after \(interruption) and a rerun the warehouse differs:\n\(differences.joined(separator: "\n"))")
        return left
    }

    /// N from the summary line "resumed: N slices ...", 0 when there is none.
    static func resumedSlices(_ output: String) -> Int {
        guard let range = output.range(of: #"resumed: (\d+) slices"#, options: .regularExpression) else { return 0 }
        return Int(output[range].split(separator: " ")[1]) ?? -1
    }
}

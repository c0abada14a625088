import TestSupport
import Testing
import Warehouse

extension SyncHarness {
    /// The rerun after an injected database fault: runs `request` again, expects it to resume the
    /// `committedSlices` the failed run kept and to leave `stream` equal to the mock's truth, and
    /// prints the scenario's line (`faultAsExpected`: the first run failed the way it should).
    func rerunAndReport(
        _ request: SyncRequest, stream: String, committedSlices: Int, scenario: String, faultAsExpected: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let resumed = try await run(request)
        #expect(resumed.resumedSlices == committedSlices, sourceLocation: sourceLocation)
        let truth = try await self.truth.window(stream: stream)
        try await expectMatches(truth, stream: stream, sourceLocation: sourceLocation)
        let record = try await runRecord(resumed.runId)
        let tally = try await rowTally(truth, stream: stream)
        ScenarioReport.record(
            scenario, runs: 2, passed: faultAsExpected && record.status == "succeeded", lost: tally.lost,
            duplicated: tally.duplicated)
        #expect(tally == RowTally(), sourceLocation: sourceLocation)
    }
}

import Testing

/// Issue 5 acceptance: a backfill over the mock's whole range ends with exactly the mock's truth.
@Suite struct BackfillTests {
    @Test(
        "a three-week backfill equals the truth: counts, child rows, dimensions, days, 20 conversations field by field")
    func backfillEqualsTruth() async throws {
        try await SyncHarness.with(conversations: 4_000, days: 21) { harness in
            let summary = try await harness.run(harness.backfill())
            let truth = try await harness.truth.window(stream: "st-sync")
            #expect(truth.conversationCount == 4_000)
            try await harness.expectMatches(truth, stream: "st-sync")
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded")
            #expect(record.fetched == truth.conversationCount)
            #expect(record.inserted == truth.conversationCount)
            #expect(record.updated == 0 && record.unchanged == 0 && record.rejected == 0)
            #expect(summary.resumedSlices == 0 && summary.deferredSlices == 0)
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_slice WHERE status = 'done'") == 21)
            // A first load is an observed audit state for every conversation.
            #expect(try await harness.integer("SELECT count(*) FROM qai.fact_audit_history") == truth.conversationCount)
        }
    }
}

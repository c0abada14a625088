import Foundation
import Testing

/// Issue 5 acceptance: a record the loader cannot use is quarantined with its reason; the rest of
/// its page loads.
@Suite struct RejectedRecordTests {
    @Test("records served without a conversation id land in etl_rejected and every other record loads")
    func recordsWithoutIdAreQuarantined() async throws {
        try await SyncHarness.with(conversations: 2_000, days: 14) { harness in
            try await harness.truth.setFaults(#"{"missingIdEvery":37}"#)
            let summary = try await harness.run(harness.backfill())
            let truth = try await harness.truth.window(stream: "st-sync")
            let idless = Set(truth.servedWithoutId)
            // Every 37th of the stream's 2,000 conversations, by the fault's definition.
            #expect(idless.count == 2_000 / 37)
            let loaded = try await harness.strings("SELECT conversation_id FROM qai.fact_conversation")
            #expect(loaded == truth.ids.filter { !idless.contains($0) })
            let rejected = try await harness.query(
                """
                SELECT run_id, stream_id, page, record_index, conversation_id, reason, raw
                FROM qai.etl_rejected ORDER BY rejected_id
                """)
            #expect(rejected.count == idless.count)
            for row in rejected {
                #expect(try row.decode(0, as: Int64.self) == summary.runId)
                #expect(row[1] == "st-sync")
                #expect(try (row.decode(2, as: Int.self) ?? 0) >= 1)
                #expect(try (row.decode(3, as: Int.self) ?? -1) >= 0)
                #expect(row[4] == nil)
                #expect(!(row[5] ?? "").isEmpty)
                let raw = try JSONSerialization.jsonObject(with: Data((row[6] ?? "").utf8)) as? [String: Any]
                #expect(raw != nil && raw?["conversationId"] == nil && raw?["Conversation ID"] == nil)
            }
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded")
            #expect(record.rejected == idless.count && record.inserted == truth.conversationCount - idless.count)
            #expect(summary.totals.rejected == idless.count)
            #expect(try await harness.integer("SELECT sum(rejected) FROM qai.etl_slice") == idless.count)
            let neighbours = Array(loaded.prefix(10) + loaded.suffix(10))
            try await harness.expectFieldByField(neighbours, stream: "st-sync")
        }
    }
}

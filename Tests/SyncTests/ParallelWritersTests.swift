import Testing
import Warehouse

/// Two writer connections load batches at the same time and commit them out of order.
@Suite struct ParallelWritersTests {
    static let stream = "st-sync"

    @Test(
        "one-slice batches on two writers: the warehouse equals the truth and the watermark ends after the last slice")
    func outOfOrderCommitsKeepTheWatermarkWhole() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 21) { harness in
            var request = harness.backfill(concurrency: 6, batchConversations: 1)
            request.command = .sync
            request.writers = 2
            request.slices = request.slices.map { SliceSpec(streamId: $0.streamId, window: $0.window, kind: .newData) }
            let summary = try await harness.run(request)
            let truth = try await harness.truth.window(stream: Self.stream)
            try await harness.expectMatches(truth, stream: Self.stream)
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded" && record.inserted == truth.conversationCount)
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_slice WHERE status = 'done'") == 21)
            // The last window ends one second before the harness's end (windows are inclusive).
            let watermark = try await harness.integer(
                "SELECT extract(epoch FROM watermark)::bigint FROM qai.etl_watermark WHERE stream_id = \(Self.stream)")
            #expect(watermark == Int(SyncHarness.end), "the watermark must cover every committed slice")
        }
    }

    @Test("one writer and two writers load the same warehouse")
    func oneAndTwoWritersAgree() async throws {
        var tallies: [String] = []
        for writers in [1, 2] {
            let tally = try await SyncHarness.with(conversations: 2_000, days: 14) { harness in
                var request = harness.backfill(batchConversations: 300)
                request.writers = writers
                _ = try await harness.run(request)
                return try await harness.strings(
                    """
                    SELECT concat_ws('|', f.conversation_id, f.content_hash::text, f.audit_status,
                        (SELECT string_agg(d.metric_id || ':' || m.metric_ordinal, ',' ORDER BY m.metric_ordinal)
                            FROM qai.fact_metric m JOIN qai.dim_metric d USING (metric_key)
                            WHERE m.conversation_id = f.conversation_id),
                        (SELECT string_agg(d.agent_id || '=' || coalesce(d.agent_name, ''), ',' ORDER BY d.agent_id)
                            FROM qai.bridge_conversation_agent b JOIN qai.dim_agent d USING (agent_key)
                            WHERE b.conversation_id = f.conversation_id))
                    FROM qai.fact_conversation f ORDER BY f.conversation_id
                    """)
            }
            #expect(tally.count == 2_000)
            tallies.append(tally.joined(separator: "\n"))
        }
        #expect(tallies[0] == tallies[1], "one and two writers left different warehouses")
    }
}

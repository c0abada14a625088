import Postgres
import Testing
import Warehouse

/// Dimension first and last seen span their conversations whatever order days are loaded in.
@Suite struct DimensionSeenTests {
    @Test("older days loaded after newer ones move every dimension's first seen back (last seen stays the newest)")
    func dimensionsSeenSpanTheirConversations() async throws {
        try await SyncHarness.with(conversations: 2_000, days: 14) { harness in
            var request = harness.backfill(batchConversations: 300)
            request.writers = 1
            let slices = request.slices
            for half in [slices[(slices.count / 2)...], slices[..<(slices.count / 2)]] {
                request.slices = Array(half)
                _ = try await harness.run(request)
            }
            let links = [
                ("dim_agent", "agent_key", "bridge_conversation_agent", true),
                ("dim_queue", "queue_key", "bridge_conversation_queue", true),
                ("dim_metric", "metric_key", "fact_metric", true),
                ("dim_intent", "intent_key", "fact_conversation_intent", false),
            ]
            for (dimension, key, facts, hasLastSeen) in links {
                let seen =
                    "SELECT min(f.conversation_start) AS first, max(f.conversation_start) AS last FROM qai.\(facts) t JOIN qai.fact_conversation f USING (conversation_id) WHERE t.\(key) = d.\(key)"
                let lastSeen = hasLastSeen ? " OR d.last_seen_at IS DISTINCT FROM s.last" : ""
                let wrong = try await harness.integer(
                    Query(
                        unsafeSQL:
                            "SELECT count(*) FROM qai.\(dimension) d, LATERAL (\(seen)) s WHERE d.first_seen_at IS DISTINCT FROM s.first\(lastSeen)"
                    ))
                #expect(
                    wrong == 0, "\(dimension): rows whose first or last seen is not the extreme of their conversations")
                // The check can fail only if some rows were seen in both halves: loaded in the first run, moved back by the second.
                let spanning = try await harness.integer(
                    Query(
                        unsafeSQL:
                            "SELECT count(*) FROM qai.\(dimension) d, LATERAL (\(seen)) s WHERE s.last - s.first > interval '8 days'"
                    ))
                #expect(spanning > 0, "\(dimension): no row spans both halves, so the check above proves nothing")
            }
        }
    }
}

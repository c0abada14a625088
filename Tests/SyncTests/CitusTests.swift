import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 16: the warehouse and the loader on Citus, unchanged. Runs only when `QAI_TEST_CITUS_URL`
/// names a Citus coordinator with its workers added (reported as skipped otherwise, never as passed).
@Suite(
    "Citus: the warehouse distributed over a coordinator and its workers", .serialized,
    .enabled(
        if: TestCitus.url != nil, "set QAI_TEST_CITUS_URL to a Citus coordinator's database with workers added"))
struct CitusTests {
    static let stream = "st-sync"

    /// Tables keyed by conversation_id, listed by hand from `sql/migrations` (the design's fact and bridge tables).
    static let conversationTables = [
        "bridge_conversation_agent", "bridge_conversation_queue", "fact_audit_history", "fact_conversation",
        "fact_conversation_intent", "fact_metric", "fact_voice_analytics",
    ]

    @Test(
        "migrate --distribute: facts and bridges on conversation_id, colocated; the rest reference tables; again changes nothing"
    )
    func placement() async throws {
        try await SyncHarness.with(conversations: 10, days: 1, citus: true) { harness in
            let distributor = Distributor(schema: harness.schema)
            let placement = try await distributor.placement(harness.observer)
            #expect(placement.distributed == Self.conversationTables)
            #expect(placement.local.isEmpty)
            #expect(placement.reference.contains("dim_agent") && placement.reference.contains("etl_slice"))
            #expect(
                placement.reference.contains("schema_migrations") && placement.reference.contains("rollup_daily_stream")
            )
            #expect(placement.workers >= 1)
            let colocations = try await harness.integer(
                """
                SELECT count(DISTINCT colocationid) FROM pg_dist_partition
                WHERE logicalrelid::text LIKE 'qai.%' AND partmethod = 'h'
                """)
            #expect(colocations == 1, "every distributed table is colocated with fact_conversation")
            let column = try await harness.strings(
                """
                SELECT DISTINCT column_to_column_name(logicalrelid, partkey) FROM pg_dist_partition
                WHERE logicalrelid::text LIKE 'qai.%' AND partmethod = 'h'
                """)
            #expect(column == ["conversation_id"])
            #expect(try await distributor.distribute(harness.observer, logger: harness.logger) == placement)
            #expect(try await distributor.isDistributed(harness.observer))
        }
    }

    @Test("first load, late audits, and an unchanged rerun equal the mock's truth; the rerun writes no row on any node")
    func endToEnd() async throws {
        try await SyncHarness.with(conversations: 1_200, days: 6, citus: true) { harness in
            let first = try await harness.run(harness.backfill())
            let truth = try await harness.truth.window(stream: Self.stream)
            #expect(try await harness.runRecord(first.runId).inserted == truth.conversationCount)
            try await harness.expectMatches(truth, stream: Self.stream)

            let epoch = try await harness.truth.advanceEpoch()
            let new = try await harness.truth.conversations(
                ConversationFacts.self, stream: Self.stream, ids: truth.ids, epoch: epoch)
            let second = try await harness.run(harness.backfill())
            let record = try await harness.runRecord(second.runId)
            #expect(record.status == "succeeded" && record.updated > 0 && record.inserted == 0)
            try await harness.expectStored(equal: new)
            try await harness.expectMatches(try await harness.truth.window(stream: Self.stream), stream: Self.stream)

            let nodes = try await TestCitus.nodes(try CitusCluster.coordinator())
            #expect(nodes.count >= 2, "a coordinator and at least one worker")
            let before = try await CitusCluster.fingerprint(schema: harness.schema.name, nodes: nodes)
            let third = try await harness.run(harness.backfill())
            let after = try await CitusCluster.fingerprint(schema: harness.schema.name, nodes: nodes)
            let rerun = try await harness.runRecord(third.runId)
            #expect(rerun.unchanged == truth.conversationCount && rerun.updated == 0 && rerun.inserted == 0)
            let written = after.keys.filter { key in
                after[key] != before[key] && !key.contains(" etl_")
            }.sorted()
            #expect(written.isEmpty, "an unchanged rerun wrote to \(written)")
            #expect(before.keys.contains { $0.contains("fact_conversation_") }, "the fingerprint reads the shards")
        }
    }

    /// Deadlocks the coordinator detected in the test's database so far.
    static let deadlocks: Query =
        "SELECT coalesce(sum(deadlocks), 0)::int FROM pg_stat_database WHERE datname = current_database()"

    @Test("two loaders (one stream each, two writers each, small batches) at once: no deadlock, both equal their truth")
    func concurrentLoaders() async throws {
        let streams = ["st-citus-a", "st-citus-b"]
        try await SyncHarness.with(conversations: 1_500, days: 5, streams: streams, citus: true) { harness in
            let deadlocksBefore = try await harness.integer(Self.deadlocks)
            try await withThrowingTaskGroup(of: RunSummary.self) { group in
                for stream in streams {
                    var request = harness.backfill(streams: [stream], batchConversations: 300)
                    request.writers = 2
                    group.addTask { try await harness.run(request) }
                }
                for try await summary in group {
                    #expect(try await harness.runRecord(summary.runId).status == "succeeded")
                }
            }
            for stream in streams {
                let truth = try await harness.truth.window(stream: stream)
                try await harness.expectMatches(truth, stream: stream, ownsDimensions: false)
            }
            try await Task.sleep(for: .seconds(1))
            let deadlocks = try await harness.integer(Self.deadlocks) - deadlocksBefore
            #expect(deadlocks == 0, "the coordinator saw deadlocks")
        }
    }
}

import Postgres
import QualityAI
import Testing

@testable import Warehouse

/// Dimension rows end up the same whatever order batches commit in and however the
/// conversations are split into batches (as two writers, or a crash and its rerun, do).
@Suite("Dimension values do not depend on batch order")
struct DimensionOrderTests {
    /// 2026-03-01, -02 and -03 00:00 UTC, in microseconds.
    static let day: Int64 = 86_400_000_000
    static let t1: Int64 = 1_772_323_200_000_000
    static let (t2, t3) = (t1 + day, t1 + 2 * day)

    /// Four conversations of agent `a-1`, queue `q-1` and metric `m-1`, read by hand:
    /// - c1 (t1): name "Old", email "old@example.com", queue "Queue Old", metric "Metric Old", and an
    ///   entry without an id named "Greeting" (natural key "Greeting");
    /// - c2 (t2): name "New", no email, queue "Queue New", no metric name, and an entry whose real id
    ///   is "Greeting";
    /// - c3 (no start time): name "Undated", email "undated@example.com", queue "Queue Undated";
    /// - c4 (t3): no name, no email, unnamed queue and metric.
    /// Expected: name "New" and queue "Queue New" (t2, the newest that carried one), email
    /// "old@example.com" (dated beats undated), metric name "Metric Old", "Greeting" is a real id
    /// (not every entry with that key came without one), first seen t1, last seen t3.
    static func conversations() throws -> [Conversation] {
        let template = try #require(BatchLoaderTests.samplePage().first)
        func make(
            _ id: String, start: Int64?, name: String?, email: String?, queue: String?, metricName: String?,
            greeting: Conversation.Metric
        ) -> Conversation {
            var conversation = template
            conversation.conversationId = id
            conversation.conversationStart = start.map(Timestamp.init(microseconds:))
            conversation.agents = [Conversation.Agent(id: "a-1", name: name, email: email)]
            conversation.queues = [Conversation.Queue(id: "q-1", name: queue)]
            conversation.metrics = [Conversation.Metric(metricId: "m-1", metricName: metricName), greeting]
            conversation.generatedIntents = []
            conversation.configuredIntents = []
            return conversation
        }
        let withoutId = Conversation.Metric(metricName: "Greeting")
        let withId = Conversation.Metric(metricId: "Greeting", metricName: "Greeting")
        return [
            make(
                "c1", start: t1, name: "Old", email: "old@example.com", queue: "Queue Old", metricName: "Metric Old",
                greeting: withoutId),
            make("c2", start: t2, name: "New", email: nil, queue: "Queue New", metricName: nil, greeting: withId),
            make(
                "c3", start: nil, name: "Undated", email: "undated@example.com", queue: "Queue Undated",
                metricName: nil, greeting: withoutId),
            make("c4", start: t3, name: nil, email: nil, queue: nil, metricName: nil, greeting: withoutId),
        ]
    }

    /// Every order of four one-conversation batches, one batch of all four, and a few splits.
    static let arrangements: [[[Int]]] = {
        func permutations(_ items: [Int]) -> [[Int]] {
            items.count <= 1
                ? [items]
                : items.indices.flatMap { index in
                    var rest = items
                    let first = rest.remove(at: index)
                    return permutations(rest).map { [first] + $0 }
                }
        }
        return permutations([0, 1, 2, 3]).map { $0.map { [$0] } } + [
            [[0, 1, 2, 3]], [[3, 2], [1, 0]], [[1], [0, 2, 3]], [[0, 2], [3, 1]], [[2, 3], [0], [1]],
        ]
    }()

    @Test(
        "current names and emails, first and last seen and metric_id_is_name match the hand-read result in every order")
    func everyOrderGivesTheSameDimensions() async throws {
        let conversations = try Self.conversations()
        let connection = try await BatchLoaderTests.migratedConnection()
        let loader = BatchLoader(schema: try Identifier("qai"))
        let micros = "(extract(epoch FROM %@) * 1000000)::bigint"
        let expected = [
            "New|old@example.com|\(Self.t2)|\(Self.t1)|\(Self.t1)|\(Self.t3)",
            "Queue New|\(Self.t2)|\(Self.t1)|\(Self.t3)",
            "Greeting|Greeting|\(Self.t3)|false|\(Self.t1)|\(Self.t3)",
            "m-1|Metric Old|\(Self.t1)|false|\(Self.t1)|\(Self.t3)",
        ]
        for arrangement in Self.arrangements {
            try await connection.execute(
                "TRUNCATE qai.fact_conversation, qai.dim_agent, qai.dim_queue, qai.dim_metric, qai.dim_intent CASCADE")
            for (run, batch) in arrangement.enumerated() {
                let part = batch.map { conversations[$0] }
                _ = try await connection.withTransaction { connection in
                    try loader.load(part, streamId: "st-order", runId: Int64(run + 1), on: connection)
                }
            }
            let seen = { (column: String) in micros.replacingOccurrences(of: "%@", with: column) }
            let rows = try await connection.execute(
                Query(
                    unsafeSQL: """
                        SELECT line FROM (
                            SELECT 1, concat_ws('|', agent_name, agent_email, \(seen("agent_name_seen_at")),
                                \(seen("agent_email_seen_at")), \(seen("first_seen_at")), \(seen("last_seen_at")))
                            FROM qai.dim_agent
                            UNION ALL
                            SELECT 2, concat_ws('|', queue_name, \(seen("queue_name_seen_at")), \(seen("first_seen_at")),
                                \(seen("last_seen_at")))
                            FROM qai.dim_queue
                            UNION ALL
                            SELECT 3, concat_ws('|', metric_id, metric_name, \(seen("metric_name_seen_at")),
                                metric_id_is_name::text, \(seen("first_seen_at")), \(seen("last_seen_at")))
                            FROM qai.dim_metric) AS t(o, line)
                        ORDER BY o, line COLLATE "C"
                        """))
            #expect(rows.map { $0[0] ?? "" } == expected, "batches \(arrangement)")
        }
        await connection.close()
    }
}

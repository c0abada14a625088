import EmbeddedPostgres
import Foundation
import Postgres
import QualityAI
import TestSupport
import Testing

@testable import Warehouse

@Suite("Loading batches into the star schema")
struct BatchLoaderTests {
    /// The vendor's published sample page (`Fixtures/sample-response.json`, a verbatim copy of the
    /// API page's sample response).
    static func samplePage() throws -> [Conversation] {
        let url = URL(filePath: #filePath).deletingLastPathComponent().appending(
            path: "Fixtures/sample-response.json")
        let bytes = try [UInt8](Data(contentsOf: url))
        let context = PageContext(streamId: "st-sample", window: TimeWindow(start: 0, end: 1), page: 1)
        return try PageDecoder.decode(bytes, context: context).conversations
    }

    static func migratedConnection() async throws -> Connection {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        _ = try await Migrator(schema: try Identifier("qai")).migrate(connection, logger: testLogger)
        return connection
    }

    /// Rows inserted, updated or deleted in the warehouse schema by this session and not yet
    /// flushed to the shared statistics (PostgreSQL 15 keeps earlier transactions' counts here
    /// too, so tests compare before and after).
    static let writesInTransaction = """
        SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS writes
        FROM pg_stat_xact_user_tables WHERE schemaname = 'qai'
        """

    @Test("the sample page loads: facts, metrics, bridges and dimensions match the hand-read sample")
    func loadsSample() async throws {
        let connection = try await Self.migratedConnection()
        let conversations = try Self.samplePage()
        let loader = BatchLoader(schema: try Identifier("qai"))
        let counts = try await connection.withTransaction { connection in
            try loader.load(conversations, streamId: "st-sample", runId: 1, on: connection)
        }
        #expect(counts.staged == 4 && counts.inserted == 4 && counts.updated == 0)
        let facts = try await connection.execute(
            """
            SELECT count(*) AS n, count(kore_evaluation_score) AS scored, sum(kore_evaluation_score) AS score_sum,
                sum(audit_score) AS audit_sum, count(*) FILTER (WHERE audit_status = 'Audited') AS audited,
                sum(fatal_error_count) AS fatal
            FROM qai.fact_conversation
            """)
        let row = try #require(facts.first)
        #expect(try row.decode("n", as: Int.self) == 4)
        #expect(try row.decode("scored", as: Int.self) == 3)  // 77, 0, 9; one null
        #expect(try row.decode("score_sum", as: Int.self) == 86)
        #expect(try row.decode("audit_sum", as: Int.self) == 77)  // 77 + 0
        #expect(try row.decode("audited", as: Int.self) == 2)
        #expect(try row.decode("fatal", as: Int.self) == 1)
        let children = try await connection.execute(
            """
            SELECT (SELECT count(*) FROM qai.fact_metric) AS metrics,
                (SELECT count(*) FROM qai.bridge_conversation_agent) AS agent_links,
                (SELECT count(*) FROM qai.bridge_conversation_queue) AS queue_links,
                (SELECT count(*) FROM qai.dim_agent) AS agents, (SELECT count(*) FROM qai.dim_queue) AS queues,
                (SELECT count(*) FROM qai.dim_metric) AS metric_dims,
                (SELECT count(*) FROM qai.fact_audit_history) AS history,
                (SELECT agent_name FROM qai.dim_agent WHERE agent_id = 'a-424ea65-322b-47c1-8189-7200b64cxxxx') AS name
            """)
        let child = try #require(children.first)
        #expect(try child.decode("metrics", as: Int.self) == 8)
        #expect(try child.decode("agent_links", as: Int.self) == 5)
        #expect(try child.decode("queue_links", as: Int.self) == 4)
        #expect(try child.decode("agents", as: Int.self) == 3)
        #expect(try child.decode("queues", as: Int.self) == 2)
        #expect(try child.decode("metric_dims", as: Int.self) == 3)
        #expect(try child.decode("history", as: Int.self) == 4)
        await connection.close()
    }

    @Test("loading the same batch again writes zero rows to facts, bridges and dimensions")
    func unchangedWritesNothing() async throws {
        let connection = try await Self.migratedConnection()
        let conversations = try Self.samplePage()
        let loader = BatchLoader(schema: try Identifier("qai"))
        _ = try await connection.withTransaction { connection in
            try loader.load(conversations, streamId: "st-sample", runId: 1, on: connection)
        }
        let (counts, writes) = try await connection.withTransaction { connection in
            let before = try connection.execute(Query(unsafeSQL: Self.writesInTransaction)).first?.decode(
                "writes", as: Int.self)
            let counts = try loader.load(conversations, streamId: "st-sample", runId: 2, on: connection)
            let after = try connection.execute(Query(unsafeSQL: Self.writesInTransaction)).first?.decode(
                "writes", as: Int.self)
            return (counts, (after ?? -1) - (before ?? 0))
        }
        #expect(counts.unchanged == 4 && counts.inserted == 0 && counts.updated == 0)
        #expect(writes == 0)
        await connection.close()
    }

    @Test("a changed audit updates the fact in place, replaces children and appends history")
    func changedAudit() async throws {
        let connection = try await Self.migratedConnection()
        let original = try Self.samplePage()
        let loader = BatchLoader(schema: try Identifier("qai"))
        _ = try await connection.withTransaction { connection in
            try loader.load(original, streamId: "st-sample", runId: 1, on: connection)
        }
        var changed = original
        let target = changed[1].conversationId
        changed[1].auditStatus = "Audited"
        changed[1].auditor = "Zoë O'Brien"
        changed[1].auditScore = DecimalText("55")
        changed[1].raw = changed[1].raw.replacingOccurrences(of: "Not Assigned", with: "Audited")
        let batch = changed
        let counts = try await connection.withTransaction { connection in
            try loader.load(batch, streamId: "st-sample", runId: 2, on: connection)
        }
        #expect(counts.updated == 1 && counts.unchanged == 3 && counts.auditChanges == 1)
        let fact = try await connection.execute(
            "SELECT auditor, audit_score::int AS score, last_run_id FROM qai.fact_conversation WHERE conversation_id = \(target)"
        )
        #expect(fact.first?[0] == "Zoë O'Brien")
        #expect(try fact.first?.decode("score", as: Int.self) == 55)
        #expect(try fact.first?.decode("last_run_id", as: Int.self) == 2)
        let history = try await connection.execute(
            "SELECT auditor FROM qai.fact_audit_history WHERE conversation_id = \(target) ORDER BY observed_at")
        #expect(history.map { $0[0] } == [nil, "Zoë O'Brien"])
        let metrics = try await connection.execute(
            "SELECT count(*) AS n FROM qai.fact_metric WHERE conversation_id = \(target)")
        #expect(try metrics.first?.decode("n", as: Int.self) == 2)
        await connection.close()
    }
}

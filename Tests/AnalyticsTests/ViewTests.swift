import Foundation
import Postgres
import Testing

@Suite("Views and example queries on a warehouse loaded from the mock")
struct ViewTests {
    /// The views the issue and the README promise; each must exist and return rows here.
    static let promisedViews = [
        "v_conversation", "v_agent_conversation", "v_queue_conversation", "v_metric_result",
        "v_conversation_intent", "v_audit_backlog", "v_audit_backlog_summary", "v_audit_completed",
        "v_daily_audit", "v_audit_change", "v_loader_run", "v_loader_stream", "v_daily_quality", "v_daily_agent",
        "v_daily_queue", "v_daily_metric", "v_daily_agent_metric", "v_daily_intent", "v_daily_sentiment",
    ]

    @Test("every view runs for the read-only role, and the promised ones return rows")
    func everyViewRuns() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let views = try await warehouse.withAdmin { connection in
            try await connection.execute(
                "SELECT viewname FROM pg_views WHERE schemaname = \(AnalyticsWarehouse.schema) ORDER BY 1"
            ).compactMap { $0[0] }
        }
        #expect(
            Set(Self.promisedViews).isSubset(of: Set(views)), "missing: \(Set(Self.promisedViews).subtracting(views))")
        try await warehouse.withReader { connection in
            for view in views {
                let rows = try await connection.execute(Query(unsafeSQL: "SELECT * FROM \(view) LIMIT 20"))
                if Self.promisedViews.contains(view) {
                    #expect(!rows.isEmpty, "\(view) returned no rows")
                }
            }
        }
    }

    @Test("every view, rollup table, column and the refresh function carry a comment")
    func everythingIsCommented() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let missing = try await warehouse.withAdmin { connection in
            try await connection.execute(
                """
                SELECT c.relname || coalesce('.' || a.attname, '') AS object
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    AND col_description(c.oid, a.attnum) IS NULL
                WHERE n.nspname = \(AnalyticsWarehouse.schema) AND c.relkind IN ('v', 'r')
                  AND (c.relname LIKE 'v\\_%' OR c.relname LIKE 'rollup\\_%')
                  AND (a.attname IS NOT NULL OR obj_description(c.oid, 'pg_class') IS NULL)
                UNION ALL
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = \(AnalyticsWarehouse.schema) AND obj_description(p.oid, 'pg_proc') IS NULL
                """
            ).compactMap { $0[0] }
        }
        #expect(missing.isEmpty, "without a comment: \(missing)")
    }

    @Test("every sql/queries file runs for the read-only role and returns rows")
    func exampleQueriesRun() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let files = try RepositoryFiles.files(in: RepositoryFiles.queries, fileExtension: "sql")
        #expect(files.count >= 12)
        try await warehouse.withReader { connection in
            for file in files {
                let sql = try RepositoryFiles.text(file)
                #expect(sql.hasPrefix("-- "), "\(file.lastPathComponent) does not start with a comment")
                let rows = try await connection.execute(Query(unsafeSQL: sql, name: file.lastPathComponent))
                #expect(!rows.isEmpty, "\(file.lastPathComponent) returned no rows")
            }
        }
    }

    @Test("v_conversation has one row per conversation with its agents and queues from the bridges")
    func conversationView() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let row = try await warehouse.withReader { connection in
            try await connection.execute(
                """
                SELECT (SELECT count(*) FROM v_conversation) AS view_rows,
                    (SELECT count(*) FROM fact_conversation) AS facts,
                    (SELECT count(*) FROM v_conversation v WHERE cardinality(v.agent_ids) IS DISTINCT FROM
                        (SELECT count(*) FROM bridge_conversation_agent b WHERE b.conversation_id = v.conversation_id)
                        AND v.agent_ids IS NOT NULL) AS agent_mismatches,
                    (SELECT count(*) FROM v_metric_result) AS metric_rows, (SELECT count(*) FROM fact_metric) AS metrics
                """
            ).first
        }
        let facts = try #require(try row?.decode("facts", as: Int.self))
        #expect(facts > 2_500)
        #expect(try row?.decode("view_rows", as: Int.self) == facts)
        #expect(try row?.decode("agent_mismatches", as: Int.self) == 0)
        #expect(try row?.decode("metric_rows", as: Int.self) == row?.decode("metrics", as: Int.self))
    }

    @Test("the second run after the epoch advance changed audits, and v_audit_change shows them")
    func auditChanges() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        #expect(warehouse.runTotals.count == 2)
        #expect((warehouse.runTotals.last?.load.updated ?? 0) > 0)
        let row = try await warehouse.withReader { connection in
            try await connection.execute(
                """
                SELECT count(*) FILTER (WHERE NOT is_first_observation) AS changes,
                    count(*) FILTER (WHERE change_kind = 'Assigned -> Audited') AS completed,
                    count(*) FILTER (WHERE is_first_observation) AS first
                FROM v_audit_change
                """
            ).first
        }
        #expect(try row?.decode("changes", as: Int.self) ?? 0 > 0)
        #expect(try row?.decode("completed", as: Int.self) ?? 0 > 0)
        #expect(try row?.decode("first", as: Int.self) ?? 0 > 2_500)
    }
}

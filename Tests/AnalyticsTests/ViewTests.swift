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
        try await WarehouseChecks.everyViewRuns(on: AnalyticsWarehouse.shared())
    }

    @Test("every view, rollup table, column and the refresh function carry a comment")
    func everythingIsCommented() async throws {
        try await WarehouseChecks.everythingIsCommented(on: AnalyticsWarehouse.shared())
    }

    @Test("every sql/queries file runs for the read-only role and returns rows")
    func exampleQueriesRun() async throws {
        try await WarehouseChecks.exampleQueriesRun(on: AnalyticsWarehouse.shared())
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

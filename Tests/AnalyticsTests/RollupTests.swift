import Postgres
import Testing
import Warehouse

@Suite("Daily rollups")
struct RollupTests {
    /// A rollup table's columns next to the same figures computed here straight from the facts,
    /// written independently of migration 0003 (other joins, CASE instead of FILTER).
    struct Independent {
        var table: String
        var sql: String
        var columns: String

        /// Rows of the rollup that the facts do not give, and the other way round.
        var differences: [String] {
            [
                "SELECT \(columns) FROM \(table) EXCEPT ALL (\(sql))",
                "(\(sql)) EXCEPT ALL SELECT \(columns) FROM \(table)",
            ]
        }
    }

    static let independent: [Independent] = [
        Independent(
            table:
                "rollup_daily_stream",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, count(*)::int,
                    sum(CASE WHEN f.kore_evaluation_score IS NULL THEN 0 ELSE 1 END)::int,
                    coalesce(sum(f.kore_evaluation_score), 0), sum(CASE WHEN f.is_passed IS NULL THEN 0 ELSE 1 END)::int,
                    sum(CASE WHEN f.is_passed THEN 1 ELSE 0 END)::int,
                    sum(CASE f.duration_status WHEN 'below_threshold' THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN f.fatal_error_count > 0 THEN 1 ELSE 0 END)::int, coalesce(sum(f.fatal_error_count), 0)::int,
                    sum(CASE f.audit_status WHEN 'Audited' THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN f.audit_score IS NULL THEN 0 ELSE 1 END)::int, coalesce(sum(f.audit_score), 0),
                    sum(CASE f.audit_status WHEN 'Assigned' THEN 1 ELSE 0 END)::int,
                    sum(CASE f.audit_status WHEN 'Not Assigned' THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN f.audit_status = 'Assigned' AND f.kore_evaluation_score IS NOT NULL THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN f.audit_status = 'Not Assigned' AND f.kore_evaluation_score IS NOT NULL THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN f.is_churn_risk_observed THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN f.is_escalation_observed THEN 1 ELSE 0 END)::int
                FROM fact_conversation f WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2
                """,
            columns:
                "day, stream_id, conversations, evaluated, evaluation_score_sum, pass_known, passed, below_threshold, "
                + "fatal_error_conversations, fatal_errors, audited, audit_scored, audit_score_sum, assigned, "
                + "not_assigned, assigned_evaluated, not_assigned_evaluated, churn_risk, escalations"
        ),
        Independent(
            table: "rollup_daily_agent",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, a.agent_key, count(*)::int,
                    count(f.kore_evaluation_score)::int, coalesce(sum(f.kore_evaluation_score), 0),
                    sum(CASE f.audit_status WHEN 'Audited' THEN 1 ELSE 0 END)::int, coalesce(sum(f.audit_score), 0),
                    coalesce(sum(f.fatal_error_count), 0)::int, count(b.empathy_score)::int,
                    coalesce(sum(b.empathy_score), 0)
                FROM dim_agent a JOIN bridge_conversation_agent b ON b.agent_key = a.agent_key
                JOIN fact_conversation f ON f.conversation_id = b.conversation_id
                WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns:
                "day, stream_id, agent_key, conversations, evaluated, evaluation_score_sum, audited, audit_score_sum, "
                + "fatal_errors, empathy_scored, empathy_score_sum"
        ),
        Independent(
            table: "rollup_daily_queue",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, b.queue_key, count(*)::int,
                    sum(CASE f.duration_status WHEN 'below_threshold' THEN 1 ELSE 0 END)::int,
                    coalesce(sum(f.kore_evaluation_score), 0), sum(CASE WHEN f.fatal_error_count > 0 THEN 1 ELSE 0 END)::int
                FROM bridge_conversation_queue b JOIN fact_conversation f ON f.conversation_id = b.conversation_id
                WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns:
                "day, stream_id, queue_key, conversations, below_threshold, evaluation_score_sum, fatal_error_conversations"
        ),
        Independent(
            table: "rollup_daily_metric",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, m.metric_key, count(*)::int,
                    sum(CASE WHEN m.qualification IN ('YES', 'yes', 'Yes') THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN m.qualification IN ('NO', 'no', 'No') THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN m.qualification IS NULL THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN m.is_fatal_error AND m.qualification IN ('NO', 'no', 'No') THEN 1 ELSE 0 END)::int
                FROM fact_metric m JOIN fact_conversation f ON f.conversation_id = m.conversation_id
                WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns: "day, stream_id, metric_key, results, passed, failed, unanswered, fatal_failures"
        ),
        Independent(
            table: "rollup_daily_agent_metric",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, b.agent_key, m.metric_key,
                    count(*)::int, sum(CASE WHEN m.qualification IN ('YES', 'yes', 'Yes') THEN 1 ELSE 0 END)::int,
                    sum(CASE WHEN m.qualification IN ('NO', 'no', 'No') THEN 1 ELSE 0 END)::int
                FROM bridge_conversation_agent b JOIN fact_metric m ON m.conversation_id = b.conversation_id
                JOIN fact_conversation f ON f.conversation_id = b.conversation_id
                WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3, 4
                """,
            columns: "day, stream_id, agent_key, metric_key, results, passed, failed"
        ),
        Independent(
            table: "rollup_daily_intent",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, i.intent_key, count(*)::int,
                    sum(CASE WHEN lower(i.sentiment) = 'negative' THEN 1 ELSE 0 END)::int
                FROM fact_conversation_intent i JOIN fact_conversation f ON f.conversation_id = i.conversation_id
                WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns: "day, stream_id, intent_key, conversations, negative"
        ),
        Independent(
            table: "rollup_daily_audit",
            sql: """
                SELECT (f.audit_date AT TIME ZONE 'UTC')::date, f.stream_id, coalesce(f.auditor, ''), count(*)::int,
                    coalesce(sum(f.audit_score), 0),
                    sum(CASE WHEN f.audit_score IS NOT NULL AND f.kore_evaluation_score IS NOT NULL THEN 1 ELSE 0 END)::int,
                    coalesce(sum(f.audit_score - f.kore_evaluation_score), 0),
                    sum(CASE WHEN f.audit_date > f.conversation_start + interval '7 days' THEN 1 ELSE 0 END)::int
                FROM fact_conversation f
                WHERE f.audit_status = 'Audited' AND f.audit_date IS NOT NULL AND f.conversation_start IS NOT NULL
                GROUP BY 1, 2, 3
                """,
            columns: "day, stream_id, auditor, audits, audit_score_sum, compared, score_difference_sum, after_7_days"
        ),
        Independent(
            table: "rollup_daily_sentiment",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id,
                    CASE WHEN f.sentiment IS NULL THEN '(none)' ELSE lower(f.sentiment) END, count(*)::int
                FROM fact_conversation f WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns: "day, stream_id, sentiment, conversations"
        ),
    ]

    @Test("every rollup table equals the same aggregate computed independently from the facts, for every day")
    func rollupsMatchFacts() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        try await warehouse.withReader { connection in
            for check in Self.independent {
                let table = check.table
                let extra = try await connection.execute(
                    Query(unsafeSQL: check.differences[0], name: "\(table) minus facts"))
                let missing = try await connection.execute(
                    Query(unsafeSQL: check.differences[1], name: "facts minus \(table)"))
                #expect(
                    extra.isEmpty && missing.isEmpty, "\(table): \(extra.count) extra rows, \(missing.count) missing")
                let count = try await connection.execute(Query(unsafeSQL: "SELECT count(*) AS n FROM \(table)"))
                #expect(try count.first?.decode("n", as: Int.self) ?? 0 > 0, "\(table) is empty")
            }
        }
    }

    @Test("daily totals equal the mock's ground truth for sampled days")
    func rollupsMatchTruth() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        #expect(warehouse.truthByDay.count == 4)
        try await warehouse.withReader { connection in
            for (day, truth) in warehouse.truthByDay.sorted(by: { $0.key < $1.key }) {
                // The mock dates every conversation; the warehouse leaves out of the rollups the
                // few whose record carried no start time, so take those away from the truth.
                let absent = try await connection.execute(
                    """
                    SELECT count(*)::int AS n, coalesce(sum(kore_evaluation_score), 0)::int AS score,
                        count(kore_evaluation_score)::int AS scored, coalesce(sum(audit_score), 0)::int AS audit,
                        count(audit_score)::int AS audits, coalesce(sum(fatal_error_count), 0)::int AS fatal
                    FROM fact_conversation WHERE conversation_start IS NULL AND conversation_id = ANY(\(arrayLiteral(truth.ids))::text[])
                    """
                ).first
                let rollup = try await connection.execute(
                    """
                    SELECT conversations, evaluated, evaluation_score_sum::int AS score, audit_scored,
                        audit_score_sum::int AS audit, fatal_errors, audited, below_threshold
                    FROM rollup_daily_stream WHERE day = \(day.description)::date
                    """
                ).first
                let row = try #require(rollup, "no rollup row for \(day)")
                let missing = try #require(absent)
                func value(_ row: Row, _ column: String) throws -> Int { try row.decode(column, as: Int.self) ?? -1 }
                #expect(try value(missing, "n") == truth.withoutStartTime, "\(day)")
                #expect(try value(row, "conversations") == truth.conversations - value(missing, "n"), "\(day)")
                #expect(try value(row, "evaluated") == truth.evaluationScoreCount - value(missing, "scored"), "\(day)")
                #expect(try value(row, "score") == truth.evaluationScoreSum - value(missing, "score"), "\(day)")
                #expect(try value(row, "audit_scored") == truth.auditScoreCount - value(missing, "audits"), "\(day)")
                #expect(try value(row, "audit") == truth.auditScoreSum - value(missing, "audit"), "\(day)")
                #expect(try value(row, "fatal_errors") == truth.fatalErrors - value(missing, "fatal"), "\(day)")
            }
        }
    }

    @Test("refresh rebuilds only the given days: a changed fact shows in a refreshed day, not in another")
    func refreshTouchesOnlyGivenDays() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let refresher = RollupRefresher(schema: AnalyticsWarehouse.schemaIdentifier)
        try await warehouse.withAdmin { connection in
            let days = try await connection.execute(
                "SELECT day::text AS day FROM qai.rollup_daily_stream GROUP BY day ORDER BY day LIMIT 2 OFFSET 5"
            ).compactMap { try $0.decode("day", as: String.self).flatMap(RollupDay.init) }
            try #require(days.count == 2)
            let (refreshed, stale) = (days[0], days[1])
            let outcome = try await connection.withTransaction { connection in
                try connection.execute("SAVEPOINT probe")
                for day in [refreshed, stale] {
                    try connection.execute(
                        """
                        UPDATE qai.fact_conversation SET fatal_error_count = coalesce(fatal_error_count, 0) + 1000
                        WHERE conversation_id = (SELECT conversation_id FROM qai.fact_conversation
                            WHERE (conversation_start AT TIME ZONE 'UTC')::date = \(day.description)::date LIMIT 1)
                        """)
                }
                let before = try Self.fatalErrors(on: connection)
                let rebuilt = try refresher.refresh(days: [refreshed, refreshed], on: connection)
                let after = try Self.fatalErrors(on: connection)
                let touched = try connection.execute(
                    "SELECT DISTINCT day::text AS day FROM qai.rollup_daily_agent WHERE refreshed_at = now()"
                ).compactMap { try $0.decode("day", as: String.self) }
                try connection.execute("ROLLBACK TO SAVEPOINT probe")
                return (rebuilt, before, after, touched)
            }
            #expect(outcome.0 == 1)
            #expect(outcome.2[refreshed.description] == (outcome.1[refreshed.description] ?? 0) + 1_000)
            #expect(outcome.2[stale.description] == outcome.1[stale.description])
            #expect(outcome.3 == [refreshed.description])
        }
    }

    @Test("each run refreshed the days it changed: all days first, then only days with audit changes")
    func runsRefreshedChangedDays() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let first = try #require(warehouse.refreshedDays.first)
        let second = try #require(warehouse.refreshedDays.last)
        #expect(first.count >= AnalyticsWarehouse.days)
        #expect(!second.isEmpty)
        #expect(Set(second).isSubset(of: Set(first)))
        let expected = try await warehouse.withAdmin { connection in
            try await connection.execute(
                """
                SELECT DISTINCT (conversation_start AT TIME ZONE 'UTC')::date::text AS day FROM qai.fact_conversation
                WHERE last_run_id = \(warehouse.runIds[1]) AND conversation_start IS NOT NULL ORDER BY 1
                """
            ).compactMap { try $0.decode("day", as: String.self) }
        }
        #expect(second.map(\.description) == expected)
    }

    static func fatalErrors(on connection: isolated Connection) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try connection.execute(
            "SELECT day::text AS day, sum(fatal_errors)::int AS n FROM qai.rollup_daily_stream GROUP BY day")
        {
            if let day = try row.decode("day", as: String.self) { result[day] = try row.decode("n", as: Int.self) }
        }
        return result
    }
}

/// A PostgreSQL array literal of text values, bound as one parameter.
func arrayLiteral(_ values: [String]) -> String {
    "{"
        + values.map {
            "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        .joined(separator: ",") + "}"
}

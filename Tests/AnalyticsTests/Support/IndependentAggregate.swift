/// A rollup table's columns next to the same figures computed straight from the facts, written
/// independently of migration 0003 (other joins, CASE instead of FILTER).
struct IndependentAggregate {
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

extension IndependentAggregate {
    /// One check per rollup table.
    static let all: [IndependentAggregate] = [
        IndependentAggregate(
            table: "rollup_daily_stream",
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
        IndependentAggregate(
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
        IndependentAggregate(
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
        IndependentAggregate(
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
        IndependentAggregate(
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
        IndependentAggregate(
            table: "rollup_daily_intent",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id, i.intent_key, count(*)::int,
                    sum(CASE WHEN lower(i.sentiment) = 'negative' THEN 1 ELSE 0 END)::int
                FROM fact_conversation_intent i JOIN fact_conversation f ON f.conversation_id = i.conversation_id
                WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns: "day, stream_id, intent_key, conversations, negative"
        ),
        IndependentAggregate(
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
        IndependentAggregate(
            table: "rollup_daily_sentiment",
            sql: """
                SELECT (f.conversation_start AT TIME ZONE 'UTC')::date, f.stream_id,
                    CASE WHEN f.sentiment IS NULL THEN '(none)' ELSE lower(f.sentiment) END, count(*)::int
                FROM fact_conversation f WHERE f.conversation_start IS NOT NULL GROUP BY 1, 2, 3
                """,
            columns: "day, stream_id, sentiment, conversations"
        ),
    ]
}

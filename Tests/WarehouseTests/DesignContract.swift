/// The public contract of the project's design document ("Star schema" and "Columns that scripts and
/// dashboards rely on"), typed here by hand from that page so tests check the migrations
/// against the design rather than against themselves.
enum DesignContract {
    static let tables = [
        "dim_agent", "dim_queue", "dim_intent", "dim_metric", "fact_conversation", "fact_metric",
        "bridge_conversation_agent", "bridge_conversation_queue", "fact_conversation_intent",
        "fact_audit_history", "etl_run", "etl_slice", "etl_rejected",
    ]

    static let columns: [String: [String]] = [
        "fact_conversation": [
            "conversation_id", "stream_id", "custom_conversation_id", "conversation_start", "conversation_end",
            "duration_ms", "contact_direction", "is_direction_defaulted", "duration_status", "language",
            "kore_evaluation_score", "fatal_error_count", "audit_status", "audit_score", "audit_date", "auditor",
            "sentiment", "sentiment_score", "custom_fields", "raw", "first_loaded_at", "updated_at", "content_hash",
        ],
        "fact_metric": [
            "conversation_id", "metric_ordinal", "metric_key", "metric_weight", "metric_negative_weight",
            "qualification", "is_fatal_error",
        ],
        "dim_metric": ["metric_key", "metric_id", "metric_name"],
        "dim_agent": ["agent_key", "agent_id", "agent_name", "agent_email"],
        "dim_queue": ["queue_key", "queue_id", "queue_name"],
        "fact_audit_history": [
            "conversation_id", "observed_at", "audit_status", "audit_score", "audit_date", "auditor",
        ],
        "fact_conversation_intent": ["conversation_id", "intent_key"],
        "bridge_conversation_agent": ["conversation_id", "agent_key"],
        "bridge_conversation_queue": ["conversation_id", "queue_key"],
    ]

    /// Fact and bridge tables: every unique key must include `conversation_id`.
    static let conversationKeyed = [
        "fact_conversation", "fact_metric", "bridge_conversation_agent", "bridge_conversation_queue",
        "fact_conversation_intent", "fact_audit_history",
    ]
}

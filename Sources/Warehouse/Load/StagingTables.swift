/// The session-local staging tables rows are copied into before the set-based merge. They are
/// temporary (one set per connection, invisible to other loaders) and emptied by every commit or
/// rollback (`ON COMMIT DELETE ROWS` truncates them in place, cheaper than a `TRUNCATE` per batch).
enum StagingTables {
    /// Bumped when the mapping from record to rows changes, so a new loader rewrites rows whose
    /// raw record is unchanged but whose normalised columns would now differ.
    static let normaliserVersion = "n1"

    static let conversationColumns = [
        "conversation_id", "stream_id", "custom_conversation_id", "conversation_start", "conversation_end",
        "duration_ms", "contact_direction", "is_direction_defaulted", "duration_status", "language",
        "kore_evaluation_score", "pass_score", "is_passed", "evaluation_form_name", "fatal_error_count",
        "audit_status", "audit_score", "audit_date", "auditor", "sentiment", "sentiment_score",
        "sentiment_positive", "sentiment_neutral", "sentiment_negative", "sentiment_start", "sentiment_end",
        "is_churn_risk_observed", "is_escalation_observed", "taxonomy_resolution", "custom_fields",
        "agent_recordings", "customer_recordings", "api_window_start", "raw", "content_hash",
    ]
    /// Every conversation of the batch: what tells whether it changed (the whole record goes to
    /// `stg_conversation` only when it did).
    static let keyColumns = ["conversation_id", "content_hash", "audit_status", "audit_score", "audit_date", "auditor"]
    static let metricColumns = [
        "conversation_id", "metric_ordinal", "metric_nk", "metric_id_is_name", "metric_name", "metric_weight",
        "metric_negative_weight", "qualification", "is_fatal_error", "auditor_response", "justification",
    ]
    static let agentColumns = [
        "conversation_id", "agent_ordinal", "agent_id", "agent_name", "agent_email", "agent_start_time",
        "empathy_score",
    ]
    static let queueColumns = ["conversation_id", "queue_ordinal", "queue_id", "queue_name"]
    static let intentColumns = [
        "conversation_id", "intent_ordinal", "source", "intent_l1", "intent_l2", "intent_l3", "intent_name",
        "confidence", "sentiment", "sentiment_score", "resolution", "keywords",
    ]
    static let voiceColumns = [
        "conversation_id", "kind", "ordinal", "speaker", "speaker_id", "words", "time_taken_ms", "average", "score",
        "emotion", "duration", "proportion",
    ]

    /// Creates the staging tables in this session (idempotent).
    static let create = """
        CREATE TEMP TABLE IF NOT EXISTS stg_conversation (
            conversation_id text NOT NULL, stream_id text NOT NULL, custom_conversation_id text,
            conversation_start timestamptz, conversation_end timestamptz, duration_ms bigint,
            contact_direction text, is_direction_defaulted boolean, duration_status text, language text,
            kore_evaluation_score numeric, pass_score numeric, is_passed boolean, evaluation_form_name text,
            fatal_error_count integer, audit_status text, audit_score numeric, audit_date timestamptz,
            auditor text, sentiment text, sentiment_score numeric, sentiment_positive numeric,
            sentiment_neutral numeric, sentiment_negative numeric, sentiment_start text, sentiment_end text,
            is_churn_risk_observed boolean, is_escalation_observed boolean, taxonomy_resolution text,
            custom_fields text, agent_recordings text[], customer_recordings text[], api_window_start timestamptz,
            raw text NOT NULL, content_hash bytea NOT NULL
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_key (
            conversation_id text NOT NULL, content_hash bytea NOT NULL, audit_status text, audit_score numeric,
            audit_date timestamptz, auditor text
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_metric (
            conversation_id text NOT NULL, metric_ordinal integer NOT NULL, metric_nk text NOT NULL,
            metric_id_is_name boolean NOT NULL, metric_name text, metric_weight numeric,
            metric_negative_weight numeric, qualification text, is_fatal_error boolean,
            auditor_response text, justification text
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_agent (
            conversation_id text NOT NULL, agent_ordinal integer NOT NULL, agent_id text NOT NULL,
            agent_name text, agent_email text, agent_start_time timestamptz, empathy_score numeric
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_queue (
            conversation_id text NOT NULL, queue_ordinal integer NOT NULL, queue_id text NOT NULL, queue_name text
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_intent (
            conversation_id text NOT NULL, intent_ordinal integer NOT NULL, source text NOT NULL,
            intent_l1 text NOT NULL, intent_l2 text NOT NULL, intent_l3 text NOT NULL, intent_name text,
            confidence numeric, sentiment text, sentiment_score numeric, resolution text, keywords text[]
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_voice (
            conversation_id text NOT NULL, kind text NOT NULL, ordinal integer NOT NULL, speaker text,
            speaker_id text, words numeric, time_taken_ms numeric, average numeric, score numeric,
            emotion text, duration numeric, proportion numeric
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stg_changed (
            conversation_id text PRIMARY KEY, is_new boolean NOT NULL, audit_changed boolean NOT NULL
        ) ON COMMIT DELETE ROWS;
        """

    /// Whether the staging tables still hold rows in this transaction (a second load in one transaction).
    static let holdsRows = "SELECT EXISTS (SELECT FROM stg_key) AS present"

    /// Empties every staging table.
    static let truncate =
        "TRUNCATE stg_key, stg_conversation, stg_metric, stg_agent, stg_queue, stg_intent, stg_voice, stg_changed"
}

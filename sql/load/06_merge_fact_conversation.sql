-- Inserts new conversations and rewrites changed ones (those in stg_changed); unchanged rows are
-- not touched. $1 is the run id. Every column of stg_conversation is written; custom_fields and
-- raw are staged as text and cast here. The update takes `updated_at` from the proposed row
-- (`now()` there), since Citus refuses functions that are not IMMUTABLE in `DO UPDATE SET` on a
-- distributed table.
INSERT INTO fact_conversation (conversation_id, stream_id, custom_conversation_id, conversation_start,
    conversation_end, duration_ms, contact_direction, is_direction_defaulted, duration_status, language,
    kore_evaluation_score, pass_score, is_passed, evaluation_form_name, fatal_error_count, audit_status,
    audit_score, audit_date, auditor, sentiment, sentiment_score, sentiment_positive, sentiment_neutral,
    sentiment_negative, sentiment_start, sentiment_end, is_churn_risk_observed, is_escalation_observed,
    taxonomy_resolution, agent_recordings, customer_recordings, api_window_start, custom_fields, raw,
    content_hash, first_loaded_at, updated_at, last_run_id)
SELECT s.conversation_id, s.stream_id, s.custom_conversation_id, s.conversation_start,
    s.conversation_end, s.duration_ms, s.contact_direction, s.is_direction_defaulted, s.duration_status, s.language,
    s.kore_evaluation_score, s.pass_score, s.is_passed, s.evaluation_form_name, s.fatal_error_count, s.audit_status,
    s.audit_score, s.audit_date, s.auditor, s.sentiment, s.sentiment_score, s.sentiment_positive, s.sentiment_neutral,
    s.sentiment_negative, s.sentiment_start, s.sentiment_end, s.is_churn_risk_observed, s.is_escalation_observed,
    s.taxonomy_resolution, s.agent_recordings, s.customer_recordings, s.api_window_start, s.custom_fields::jsonb,
    s.raw::jsonb, s.content_hash, now(), now(), $1
FROM stg_conversation s JOIN stg_changed c USING (conversation_id)
ORDER BY s.conversation_id
ON CONFLICT (conversation_id) DO UPDATE SET
    stream_id = excluded.stream_id,
    custom_conversation_id = excluded.custom_conversation_id,
    conversation_start = excluded.conversation_start,
    conversation_end = excluded.conversation_end,
    duration_ms = excluded.duration_ms,
    contact_direction = excluded.contact_direction,
    is_direction_defaulted = excluded.is_direction_defaulted,
    duration_status = excluded.duration_status,
    language = excluded.language,
    kore_evaluation_score = excluded.kore_evaluation_score,
    pass_score = excluded.pass_score,
    is_passed = excluded.is_passed,
    evaluation_form_name = excluded.evaluation_form_name,
    fatal_error_count = excluded.fatal_error_count,
    audit_status = excluded.audit_status,
    audit_score = excluded.audit_score,
    audit_date = excluded.audit_date,
    auditor = excluded.auditor,
    sentiment = excluded.sentiment,
    sentiment_score = excluded.sentiment_score,
    sentiment_positive = excluded.sentiment_positive,
    sentiment_neutral = excluded.sentiment_neutral,
    sentiment_negative = excluded.sentiment_negative,
    sentiment_start = excluded.sentiment_start,
    sentiment_end = excluded.sentiment_end,
    is_churn_risk_observed = excluded.is_churn_risk_observed,
    is_escalation_observed = excluded.is_escalation_observed,
    taxonomy_resolution = excluded.taxonomy_resolution,
    agent_recordings = excluded.agent_recordings,
    customer_recordings = excluded.customer_recordings,
    api_window_start = excluded.api_window_start,
    custom_fields = excluded.custom_fields,
    raw = excluded.raw,
    content_hash = excluded.content_hash,
    updated_at = excluded.updated_at,
    last_run_id = excluded.last_run_id;

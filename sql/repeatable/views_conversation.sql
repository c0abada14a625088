-- views_conversation.sql: the views over conversations, metrics, intents and the audit workflow.
--
-- A repeatable file: `qai-loader migrate` runs it again whenever its text differs from the text it
-- last ran (schema_repeatables), after the numbered migrations, in one transaction after
-- `SET LOCAL search_path TO <schema>, pg_catalog`. So a view's body or comment is fixed here, in
-- place. CREATE OR REPLACE keeps grants (the reader role's SELECT); it can add columns at the end
-- but not drop, rename or retype one: such a change needs a numbered migration that drops the view
-- first (and grants again), then this file recreates it.
--
-- Conventions of every view below:
--   * "day" columns are UTC calendar days (conversation_start AT TIME ZONE 'UTC')::date.
--   * Shares are fractions between 0 and 1 (Grafana unit "percentunit"), NULL when the denominator is 0.
--   * A conversation is "below threshold" when duration_status = 'below_threshold' (too short to be
--     evaluated), "evaluated" when kore_evaluation_score is not NULL, "audited" when audit_status =
--     'Audited', and has a fatal error when fatal_error_count > 0.
--   * Agent and queue lists come from the bridge tables in the order the record listed them.
-- Views computed over many conversations (daily figures) read the rollup tables (views_daily.sql).

CREATE OR REPLACE VIEW v_conversation AS
SELECT
    f.conversation_id,
    f.stream_id,
    f.custom_conversation_id,
    f.conversation_start,
    (f.conversation_start AT TIME ZONE 'UTC')::date AS conversation_day,
    f.conversation_end,
    f.duration_ms,
    f.contact_direction,
    f.language,
    f.duration_status,
    coalesce(f.duration_status = 'below_threshold', false) AS is_below_threshold,
    f.kore_evaluation_score IS NOT NULL AS is_evaluated,
    f.kore_evaluation_score,
    f.pass_score,
    f.is_passed,
    f.evaluation_form_name,
    f.fatal_error_count,
    coalesce(f.fatal_error_count > 0, false) AS has_fatal_error,
    f.audit_status,
    coalesce(f.audit_status = 'Audited', false) AS is_audited,
    f.audit_score,
    f.audit_date,
    f.auditor,
    f.audit_score - f.kore_evaluation_score AS audit_score_difference,
    round(extract(epoch FROM f.audit_date - f.conversation_start) / 3600, 2) AS hours_to_audit,
    f.sentiment,
    f.sentiment_score,
    f.is_churn_risk_observed,
    f.is_escalation_observed,
    (SELECT array_agg(a.agent_id ORDER BY b.agent_ordinal)
     FROM bridge_conversation_agent b JOIN dim_agent a USING (agent_key)
     WHERE b.conversation_id = f.conversation_id) AS agent_ids,
    (SELECT string_agg(coalesce(a.agent_name, a.agent_id), ', ' ORDER BY b.agent_ordinal)
     FROM bridge_conversation_agent b JOIN dim_agent a USING (agent_key)
     WHERE b.conversation_id = f.conversation_id) AS agents,
    (SELECT array_agg(q.queue_id ORDER BY b.queue_ordinal)
     FROM bridge_conversation_queue b JOIN dim_queue q USING (queue_key)
     WHERE b.conversation_id = f.conversation_id) AS queue_ids,
    (SELECT string_agg(coalesce(q.queue_name, q.queue_id), ', ' ORDER BY b.queue_ordinal)
     FROM bridge_conversation_queue b JOIN dim_queue q USING (queue_key)
     WHERE b.conversation_id = f.conversation_id) AS queues,
    f.custom_fields,
    f.first_loaded_at,
    f.updated_at,
    f.last_run_id
FROM fact_conversation f;

COMMENT ON VIEW v_conversation IS
    'One row per conversation with its agents, queues, AutoQA score and latest audit state: the table to start from in a SQL client. Filter on conversation_start (indexed) for time ranges.';
COMMENT ON COLUMN v_conversation.conversation_id IS 'Vendor conversation id (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_conversation.stream_id IS 'Stream (bot/app) id the conversation was loaded from.';
COMMENT ON COLUMN v_conversation.custom_conversation_id IS 'External conversation id set at ingestion; NULL when not set.';
COMMENT ON COLUMN v_conversation.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_conversation.conversation_day IS 'UTC calendar day of conversation_start: the day key of the rollups.';
COMMENT ON COLUMN v_conversation.conversation_end IS 'Conversation end, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_conversation.duration_ms IS 'Duration in milliseconds; NULL when absent or unreadable.';
COMMENT ON COLUMN v_conversation.contact_direction IS 'Direction as sent, usually ''inbound'' or ''outbound''.';
COMMENT ON COLUMN v_conversation.language IS 'Conversation language as sent, e.g. ''English''.';
COMMENT ON COLUMN v_conversation.duration_status IS 'Evaluation eligibility as sent: ''evaluated'', ''below_threshold'', ''duration_unavailable'' or NULL.';
COMMENT ON COLUMN v_conversation.is_below_threshold IS 'true when duration_status is ''below_threshold'' (too short to be evaluated).';
COMMENT ON COLUMN v_conversation.is_evaluated IS 'true when the conversation has an AutoQA score (kore_evaluation_score is not NULL).';
COMMENT ON COLUMN v_conversation.kore_evaluation_score IS 'AutoQA score, -100..100, 0 on a fatal error; NULL when not evaluated.';
COMMENT ON COLUMN v_conversation.pass_score IS 'Pass mark of the evaluation form; NULL when absent.';
COMMENT ON COLUMN v_conversation.is_passed IS 'Whether the conversation passed its evaluation; NULL when absent.';
COMMENT ON COLUMN v_conversation.evaluation_form_name IS 'Evaluation form used; NULL when absent.';
COMMENT ON COLUMN v_conversation.fatal_error_count IS 'Number of fatal errors detected; NULL when absent.';
COMMENT ON COLUMN v_conversation.has_fatal_error IS 'true when fatal_error_count > 0.';
COMMENT ON COLUMN v_conversation.audit_status IS 'Latest audit status: ''Audited'', ''Assigned'' or ''Not Assigned''; NULL when absent.';
COMMENT ON COLUMN v_conversation.is_audited IS 'true when audit_status is ''Audited''.';
COMMENT ON COLUMN v_conversation.audit_score IS 'Latest manual audit score; NULL until audited.';
COMMENT ON COLUMN v_conversation.audit_date IS 'Latest audit completion time, UTC; NULL until audited.';
COMMENT ON COLUMN v_conversation.auditor IS 'Latest auditor name; NULL until assigned or audited.';
COMMENT ON COLUMN v_conversation.audit_score_difference IS 'audit_score minus kore_evaluation_score: how far the auditor moved the AutoQA score; NULL unless both exist.';
COMMENT ON COLUMN v_conversation.hours_to_audit IS 'Hours from conversation_start to audit_date, 2 decimals; NULL unless both exist.';
COMMENT ON COLUMN v_conversation.sentiment IS 'Overall sentiment as sent, e.g. ''positive''; NULL when absent.';
COMMENT ON COLUMN v_conversation.sentiment_score IS 'Overall sentiment score; NULL when unavailable.';
COMMENT ON COLUMN v_conversation.is_churn_risk_observed IS 'Churn risk flag; NULL when absent.';
COMMENT ON COLUMN v_conversation.is_escalation_observed IS 'Escalation flag; NULL when absent.';
COMMENT ON COLUMN v_conversation.agent_ids IS 'Vendor agent ids in the record''s order; NULL when the conversation lists no agent.';
COMMENT ON COLUMN v_conversation.agents IS 'Agent names (the id when a name is unknown), comma-separated in the record''s order; NULL when none.';
COMMENT ON COLUMN v_conversation.queue_ids IS 'Vendor queue ids in the record''s order; NULL when the conversation lists no queue.';
COMMENT ON COLUMN v_conversation.queues IS 'Queue names (the id when a name is unknown), comma-separated in the record''s order; NULL when none.';
COMMENT ON COLUMN v_conversation.custom_fields IS 'Business metadata as JSON, e.g. custom_fields->>''region''; NULL when absent.';
COMMENT ON COLUMN v_conversation.first_loaded_at IS 'When the loader first inserted the conversation (UTC).';
COMMENT ON COLUMN v_conversation.updated_at IS 'When the loader last rewrote the conversation because its content changed (UTC).';
COMMENT ON COLUMN v_conversation.last_run_id IS 'etl_run.run_id of the run that last inserted or changed the conversation.';

CREATE OR REPLACE VIEW v_agent_conversation AS
SELECT
    b.conversation_id,
    a.agent_key,
    a.agent_id,
    a.agent_name,
    a.agent_email,
    b.agent_ordinal,
    b.empathy_score,
    f.stream_id,
    f.conversation_start,
    (f.conversation_start AT TIME ZONE 'UTC')::date AS conversation_day,
    f.duration_status,
    coalesce(f.duration_status = 'below_threshold', false) AS is_below_threshold,
    f.kore_evaluation_score,
    f.is_passed,
    f.fatal_error_count,
    coalesce(f.fatal_error_count > 0, false) AS has_fatal_error,
    f.audit_status,
    coalesce(f.audit_status = 'Audited', false) AS is_audited,
    f.audit_score,
    f.audit_date,
    f.auditor,
    f.sentiment
FROM bridge_conversation_agent b
JOIN dim_agent a USING (agent_key)
JOIN fact_conversation f USING (conversation_id);

COMMENT ON VIEW v_agent_conversation IS
    'One row per agent and conversation the agent took part in (a conversation with two agents appears twice), with the conversation''s scores and audit state. Filter on agent_id and conversation_start.';
COMMENT ON COLUMN v_agent_conversation.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_agent_conversation.agent_key IS 'Warehouse key of the agent (dim_agent.agent_key).';
COMMENT ON COLUMN v_agent_conversation.agent_id IS 'Vendor agent id.';
COMMENT ON COLUMN v_agent_conversation.agent_name IS 'Current agent name; NULL if never sent.';
COMMENT ON COLUMN v_agent_conversation.agent_email IS 'Current agent email; NULL if never sent.';
COMMENT ON COLUMN v_agent_conversation.agent_ordinal IS '1-based position of the agent in the record''s agent list.';
COMMENT ON COLUMN v_agent_conversation.empathy_score IS 'Agent empathy score in this conversation; NULL when absent.';
COMMENT ON COLUMN v_agent_conversation.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_agent_conversation.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_agent_conversation.conversation_day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_agent_conversation.duration_status IS 'Evaluation eligibility as sent (see v_conversation.duration_status).';
COMMENT ON COLUMN v_agent_conversation.is_below_threshold IS 'true when duration_status is ''below_threshold''.';
COMMENT ON COLUMN v_agent_conversation.kore_evaluation_score IS 'AutoQA score of the conversation; NULL when not evaluated.';
COMMENT ON COLUMN v_agent_conversation.is_passed IS 'Whether the conversation passed its evaluation; NULL when absent.';
COMMENT ON COLUMN v_agent_conversation.fatal_error_count IS 'Fatal errors detected in the conversation; NULL when absent.';
COMMENT ON COLUMN v_agent_conversation.has_fatal_error IS 'true when fatal_error_count > 0.';
COMMENT ON COLUMN v_agent_conversation.audit_status IS 'Latest audit status of the conversation.';
COMMENT ON COLUMN v_agent_conversation.is_audited IS 'true when audit_status is ''Audited''.';
COMMENT ON COLUMN v_agent_conversation.audit_score IS 'Latest audit score; NULL until audited.';
COMMENT ON COLUMN v_agent_conversation.audit_date IS 'Latest audit completion time, UTC; NULL until audited.';
COMMENT ON COLUMN v_agent_conversation.auditor IS 'Latest auditor name; NULL until assigned or audited.';
COMMENT ON COLUMN v_agent_conversation.sentiment IS 'Overall sentiment of the conversation as sent.';

CREATE OR REPLACE VIEW v_queue_conversation AS
SELECT
    b.conversation_id,
    q.queue_key,
    q.queue_id,
    q.queue_name,
    b.queue_ordinal,
    f.stream_id,
    f.conversation_start,
    (f.conversation_start AT TIME ZONE 'UTC')::date AS conversation_day,
    f.duration_status,
    coalesce(f.duration_status = 'below_threshold', false) AS is_below_threshold,
    f.kore_evaluation_score,
    f.is_passed,
    f.fatal_error_count,
    coalesce(f.fatal_error_count > 0, false) AS has_fatal_error,
    f.audit_status,
    coalesce(f.audit_status = 'Audited', false) AS is_audited,
    f.audit_score,
    f.audit_date,
    f.sentiment
FROM bridge_conversation_queue b
JOIN dim_queue q USING (queue_key)
JOIN fact_conversation f USING (conversation_id);

COMMENT ON VIEW v_queue_conversation IS
    'One row per queue and conversation that went through it (a conversation in two queues appears twice), with the conversation''s scores and audit state.';
COMMENT ON COLUMN v_queue_conversation.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_queue_conversation.queue_key IS 'Warehouse key of the queue (dim_queue.queue_key).';
COMMENT ON COLUMN v_queue_conversation.queue_id IS 'Vendor queue id.';
COMMENT ON COLUMN v_queue_conversation.queue_name IS 'Current queue name; NULL if never sent.';
COMMENT ON COLUMN v_queue_conversation.queue_ordinal IS '1-based position of the queue in the record''s queue list.';
COMMENT ON COLUMN v_queue_conversation.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_queue_conversation.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_queue_conversation.conversation_day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_queue_conversation.duration_status IS 'Evaluation eligibility as sent (see v_conversation.duration_status).';
COMMENT ON COLUMN v_queue_conversation.is_below_threshold IS 'true when duration_status is ''below_threshold''.';
COMMENT ON COLUMN v_queue_conversation.kore_evaluation_score IS 'AutoQA score of the conversation; NULL when not evaluated.';
COMMENT ON COLUMN v_queue_conversation.is_passed IS 'Whether the conversation passed its evaluation; NULL when absent.';
COMMENT ON COLUMN v_queue_conversation.fatal_error_count IS 'Fatal errors detected in the conversation; NULL when absent.';
COMMENT ON COLUMN v_queue_conversation.has_fatal_error IS 'true when fatal_error_count > 0.';
COMMENT ON COLUMN v_queue_conversation.audit_status IS 'Latest audit status of the conversation.';
COMMENT ON COLUMN v_queue_conversation.is_audited IS 'true when audit_status is ''Audited''.';
COMMENT ON COLUMN v_queue_conversation.audit_score IS 'Latest audit score; NULL until audited.';
COMMENT ON COLUMN v_queue_conversation.audit_date IS 'Latest audit completion time, UTC; NULL until audited.';
COMMENT ON COLUMN v_queue_conversation.sentiment IS 'Overall sentiment of the conversation as sent.';

CREATE OR REPLACE VIEW v_metric_result AS
SELECT
    m.conversation_id,
    m.metric_ordinal,
    f.stream_id,
    f.conversation_start,
    (f.conversation_start AT TIME ZONE 'UTC')::date AS conversation_day,
    d.metric_key,
    d.metric_id,
    d.metric_id_is_name,
    d.metric_name,
    m.metric_weight,
    m.metric_negative_weight,
    m.qualification,
    coalesce(upper(m.qualification) = 'YES', false) AS is_pass,
    coalesce(upper(m.qualification) = 'NO', false) AS is_fail,
    coalesce(upper(m.qualification) IN ('NA', '-'), false) AS is_not_applicable,
    coalesce(m.is_fatal_error, false) AS is_fatal_metric,
    coalesce(m.is_fatal_error AND upper(m.qualification) = 'NO', false) AS is_fatal_failure,
    m.auditor_response,
    f.kore_evaluation_score,
    f.audit_status
FROM fact_metric m
JOIN dim_metric d USING (metric_key)
JOIN fact_conversation f USING (conversation_id);

COMMENT ON VIEW v_metric_result IS
    'One row per metric result (fact_metric entry) with the metric''s name and the conversation''s time: pass/fail per metric. A record that lists a metric twice has two rows.';
COMMENT ON COLUMN v_metric_result.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_metric_result.metric_ordinal IS '1-based position of the entry in the record''s metric list.';
COMMENT ON COLUMN v_metric_result.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_metric_result.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_metric_result.conversation_day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_metric_result.metric_key IS 'Warehouse key of the metric (dim_metric.metric_key).';
COMMENT ON COLUMN v_metric_result.metric_id IS 'Vendor metric id, or the metric name when the entry had no id (see metric_id_is_name).';
COMMENT ON COLUMN v_metric_result.metric_id_is_name IS 'true when metric_id holds the name because the API sent the entry without an id.';
COMMENT ON COLUMN v_metric_result.metric_name IS 'Current metric name; NULL if never sent.';
COMMENT ON COLUMN v_metric_result.metric_weight IS 'Positive weight of the metric in this evaluation; NULL when absent.';
COMMENT ON COLUMN v_metric_result.metric_negative_weight IS 'Negative weight of the metric in this evaluation; NULL when absent.';
COMMENT ON COLUMN v_metric_result.qualification IS 'Result verbatim: ''YES'', ''NO'', ''NA'' or ''-''; NULL when not evaluated.';
COMMENT ON COLUMN v_metric_result.is_pass IS 'true when qualification is YES (any letter case).';
COMMENT ON COLUMN v_metric_result.is_fail IS 'true when qualification is NO (any letter case).';
COMMENT ON COLUMN v_metric_result.is_not_applicable IS 'true when qualification is NA or ''-''.';
COMMENT ON COLUMN v_metric_result.is_fatal_metric IS 'true when the metric is a fatal one (isFatalError).';
COMMENT ON COLUMN v_metric_result.is_fatal_failure IS 'true when a fatal metric failed (isFatalError and qualification NO): a fatal error of the conversation.';
COMMENT ON COLUMN v_metric_result.auditor_response IS 'Auditor''s answer for this metric; NULL when absent.';
COMMENT ON COLUMN v_metric_result.kore_evaluation_score IS 'AutoQA score of the conversation; NULL when not evaluated.';
COMMENT ON COLUMN v_metric_result.audit_status IS 'Latest audit status of the conversation.';

CREATE OR REPLACE VIEW v_conversation_intent AS
SELECT
    ci.conversation_id,
    f.stream_id,
    f.conversation_start,
    (f.conversation_start AT TIME ZONE 'UTC')::date AS conversation_day,
    i.intent_key,
    i.source,
    i.intent_name,
    i.intent_l1,
    i.intent_l2,
    i.intent_l3,
    ci.confidence,
    ci.sentiment,
    ci.sentiment_score,
    ci.resolution,
    coalesce(lower(ci.resolution) IN ('true', 'yes', 'resolved'), false) AS is_resolved,
    ci.keywords,
    f.sentiment AS conversation_sentiment
FROM fact_conversation_intent ci
JOIN dim_intent i USING (intent_key)
JOIN fact_conversation f USING (conversation_id);

COMMENT ON VIEW v_conversation_intent IS
    'One row per intent detected in a conversation (generated intents and configured L1-L3 topics) with its name, sentiment and resolution.';
COMMENT ON COLUMN v_conversation_intent.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_conversation_intent.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_conversation_intent.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_conversation_intent.conversation_day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_conversation_intent.intent_key IS 'Warehouse key of the intent (dim_intent.intent_key).';
COMMENT ON COLUMN v_conversation_intent.source IS '''generated'' (AI-detected) or ''configured'' (taxonomy topic).';
COMMENT ON COLUMN v_conversation_intent.intent_name IS 'Display name: the generated intent''s name, or ''L1 > L2 > L3'' for a topic.';
COMMENT ON COLUMN v_conversation_intent.intent_l1 IS 'Configured: L1 topic; generated: the intent name.';
COMMENT ON COLUMN v_conversation_intent.intent_l2 IS 'Configured: L2 topic or ''''; generated: ''''.';
COMMENT ON COLUMN v_conversation_intent.intent_l3 IS 'Configured: L3 topic or ''''; generated: ''''.';
COMMENT ON COLUMN v_conversation_intent.confidence IS 'Detection confidence as sent; NULL when absent.';
COMMENT ON COLUMN v_conversation_intent.sentiment IS 'Sentiment of this intent as sent; NULL when absent.';
COMMENT ON COLUMN v_conversation_intent.sentiment_score IS 'Sentiment score of this intent; NULL when absent.';
COMMENT ON COLUMN v_conversation_intent.resolution IS 'Resolution as sent (''true'', ''resolved'', ''false'', ...); NULL when absent.';
COMMENT ON COLUMN v_conversation_intent.is_resolved IS 'true when resolution reads as resolved (''true'', ''yes'' or ''resolved'', any case).';
COMMENT ON COLUMN v_conversation_intent.keywords IS 'Keywords of a generated intent; NULL when absent.';
COMMENT ON COLUMN v_conversation_intent.conversation_sentiment IS 'Overall sentiment of the whole conversation as sent.';

-- Audit workflow ----------------------------------------------------------------------------------

CREATE OR REPLACE VIEW v_audit_backlog AS
SELECT
    f.conversation_id,
    f.stream_id,
    f.conversation_start,
    (f.conversation_start AT TIME ZONE 'UTC')::date AS conversation_day,
    f.audit_status,
    f.auditor,
    f.kore_evaluation_score,
    f.kore_evaluation_score IS NOT NULL AS is_evaluated,
    floor(extract(epoch FROM now() - f.conversation_start) / 86400)::integer AS age_days,
    CASE
        WHEN f.conversation_start IS NULL THEN 'unknown'
        WHEN now() - f.conversation_start < interval '3 days' THEN '0-2 days'
        WHEN now() - f.conversation_start < interval '8 days' THEN '3-7 days'
        WHEN now() - f.conversation_start < interval '15 days' THEN '8-14 days'
        WHEN now() - f.conversation_start < interval '31 days' THEN '15-30 days'
        ELSE 'over 30 days'
    END AS age_bucket,
    CASE
        WHEN f.conversation_start IS NULL THEN 6
        WHEN now() - f.conversation_start < interval '3 days' THEN 1
        WHEN now() - f.conversation_start < interval '8 days' THEN 2
        WHEN now() - f.conversation_start < interval '15 days' THEN 3
        WHEN now() - f.conversation_start < interval '31 days' THEN 4
        ELSE 5
    END AS age_bucket_order,
    (SELECT string_agg(coalesce(a.agent_name, a.agent_id), ', ' ORDER BY b.agent_ordinal)
     FROM bridge_conversation_agent b JOIN dim_agent a USING (agent_key)
     WHERE b.conversation_id = f.conversation_id) AS agents,
    (SELECT string_agg(coalesce(q.queue_name, q.queue_id), ', ' ORDER BY b.queue_ordinal)
     FROM bridge_conversation_queue b JOIN dim_queue q USING (queue_key)
     WHERE b.conversation_id = f.conversation_id) AS queues
FROM fact_conversation f
WHERE f.audit_status IN ('Assigned', 'Not Assigned');

COMMENT ON VIEW v_audit_backlog IS
    'Audit backlog: one row per conversation whose latest audit status is ''Assigned'' or ''Not Assigned'', with its age (now minus conversation_start). Below-threshold conversations are included; filter on is_evaluated to leave them out.';
COMMENT ON COLUMN v_audit_backlog.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_audit_backlog.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_audit_backlog.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_audit_backlog.conversation_day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_audit_backlog.audit_status IS '''Assigned'' (an auditor has it) or ''Not Assigned''.';
COMMENT ON COLUMN v_audit_backlog.auditor IS 'Auditor the conversation is assigned to; NULL when none.';
COMMENT ON COLUMN v_audit_backlog.kore_evaluation_score IS 'AutoQA score; NULL when not evaluated.';
COMMENT ON COLUMN v_audit_backlog.is_evaluated IS 'true when the conversation has an AutoQA score.';
COMMENT ON COLUMN v_audit_backlog.age_days IS 'Whole days since conversation_start at query time; NULL without a start time.';
COMMENT ON COLUMN v_audit_backlog.age_bucket IS 'Age band: ''0-2 days'', ''3-7 days'', ''8-14 days'', ''15-30 days'', ''over 30 days'' or ''unknown''.';
COMMENT ON COLUMN v_audit_backlog.age_bucket_order IS 'Sort key of age_bucket, 1 (youngest) to 6 (unknown).';
COMMENT ON COLUMN v_audit_backlog.agents IS 'Agent names, comma-separated in the record''s order; NULL when none.';
COMMENT ON COLUMN v_audit_backlog.queues IS 'Queue names, comma-separated in the record''s order; NULL when none.';

CREATE OR REPLACE VIEW v_audit_completed AS
SELECT
    f.conversation_id,
    f.stream_id,
    f.conversation_start,
    f.audit_date,
    (f.audit_date AT TIME ZONE 'UTC')::date AS audit_day,
    f.auditor,
    f.audit_score,
    f.kore_evaluation_score,
    f.audit_score - f.kore_evaluation_score AS audit_score_difference,
    round(extract(epoch FROM f.audit_date - f.conversation_start) / 3600, 2) AS hours_to_audit,
    round(extract(epoch FROM f.audit_date - f.conversation_start) / 86400, 2) AS days_to_audit,
    (SELECT string_agg(coalesce(a.agent_name, a.agent_id), ', ' ORDER BY b.agent_ordinal)
     FROM bridge_conversation_agent b JOIN dim_agent a USING (agent_key)
     WHERE b.conversation_id = f.conversation_id) AS agents
FROM fact_conversation f
WHERE f.audit_status = 'Audited' AND f.audit_date IS NOT NULL;

COMMENT ON VIEW v_audit_completed IS
    'Completed audits: one row per conversation whose latest audit status is ''Audited'', with the time it took and how the auditor''s score compares to AutoQA. Filter on audit_date (indexed) for audits completed in a range.';
COMMENT ON COLUMN v_audit_completed.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_audit_completed.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_audit_completed.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_audit_completed.audit_date IS 'Latest audit completion time, UTC.';
COMMENT ON COLUMN v_audit_completed.audit_day IS 'UTC calendar day of audit_date.';
COMMENT ON COLUMN v_audit_completed.auditor IS 'Auditor who completed the latest audit.';
COMMENT ON COLUMN v_audit_completed.audit_score IS 'Latest audit score; NULL when the audit carries none.';
COMMENT ON COLUMN v_audit_completed.kore_evaluation_score IS 'AutoQA score; NULL when not evaluated.';
COMMENT ON COLUMN v_audit_completed.audit_score_difference IS 'audit_score minus kore_evaluation_score; NULL unless both exist.';
COMMENT ON COLUMN v_audit_completed.hours_to_audit IS 'Hours from conversation_start to audit_date, 2 decimals; NULL without a start time.';
COMMENT ON COLUMN v_audit_completed.days_to_audit IS 'Days from conversation_start to audit_date, 2 decimals; NULL without a start time.';
COMMENT ON COLUMN v_audit_completed.agents IS 'Agent names, comma-separated in the record''s order; NULL when none.';

CREATE OR REPLACE VIEW v_audit_change AS
SELECT
    h.conversation_id,
    f.stream_id,
    f.conversation_start,
    h.observed_at,
    h.run_id,
    p.observed_at AS previous_observed_at,
    p.audit_status AS previous_audit_status,
    h.audit_status,
    p.audit_score AS previous_audit_score,
    h.audit_score,
    h.audit_score - p.audit_score AS audit_score_change,
    p.auditor AS previous_auditor,
    h.auditor,
    p.audit_date AS previous_audit_date,
    h.audit_date,
    p.observed_at IS NULL AS is_first_observation,
    p.observed_at IS NOT NULL AND p.audit_status IS DISTINCT FROM h.audit_status AS is_status_change,
    p.observed_at IS NOT NULL AND p.audit_score IS DISTINCT FROM h.audit_score AS is_score_change,
    CASE
        WHEN p.observed_at IS NULL THEN 'first observed'
        WHEN p.audit_status IS DISTINCT FROM h.audit_status
            THEN coalesce(p.audit_status, '(none)') || ' -> ' || coalesce(h.audit_status, '(none)')
        WHEN p.audit_score IS DISTINCT FROM h.audit_score THEN 're-audited'
        ELSE 'audit details changed'
    END AS change_kind
FROM fact_audit_history h
JOIN fact_conversation f USING (conversation_id)
LEFT JOIN LATERAL (
    SELECT ph.observed_at, ph.audit_status, ph.audit_score, ph.auditor, ph.audit_date
    FROM fact_audit_history ph
    WHERE ph.conversation_id = h.conversation_id AND ph.observed_at < h.observed_at
    ORDER BY ph.observed_at DESC
    LIMIT 1
) p ON true;

COMMENT ON VIEW v_audit_change IS
    'Audit history as changes: one row per fact_audit_history observation with the observation before it, so status moves (Not Assigned -> Assigned -> Audited) and score changes of re-audits can be listed. Filter on observed_at (indexed).';
COMMENT ON COLUMN v_audit_change.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN v_audit_change.stream_id IS 'Stream (bot/app) id of the conversation.';
COMMENT ON COLUMN v_audit_change.conversation_start IS 'Conversation start, UTC; NULL when the API sent none.';
COMMENT ON COLUMN v_audit_change.observed_at IS 'When the loader observed this audit state (load time, UTC).';
COMMENT ON COLUMN v_audit_change.run_id IS 'etl_run.run_id of the run that observed it.';
COMMENT ON COLUMN v_audit_change.previous_observed_at IS 'When the previous state was observed; NULL for the first observation.';
COMMENT ON COLUMN v_audit_change.previous_audit_status IS 'Audit status before the change; NULL for the first observation.';
COMMENT ON COLUMN v_audit_change.audit_status IS 'Audit status observed.';
COMMENT ON COLUMN v_audit_change.previous_audit_score IS 'Audit score before the change; NULL when there was none.';
COMMENT ON COLUMN v_audit_change.audit_score IS 'Audit score observed; NULL when not audited.';
COMMENT ON COLUMN v_audit_change.audit_score_change IS 'audit_score minus previous_audit_score; NULL unless both exist.';
COMMENT ON COLUMN v_audit_change.previous_auditor IS 'Auditor before the change; NULL when none.';
COMMENT ON COLUMN v_audit_change.auditor IS 'Auditor observed; NULL when none.';
COMMENT ON COLUMN v_audit_change.previous_audit_date IS 'Audit completion time before the change, UTC; NULL when none.';
COMMENT ON COLUMN v_audit_change.audit_date IS 'Audit completion time observed, UTC; NULL when not audited.';
COMMENT ON COLUMN v_audit_change.is_first_observation IS 'true for the first state the loader saw (the first load of the conversation).';
COMMENT ON COLUMN v_audit_change.is_status_change IS 'true when the audit status differs from the previous observation.';
COMMENT ON COLUMN v_audit_change.is_score_change IS 'true when the audit score differs from the previous observation (a first score counts).';
COMMENT ON COLUMN v_audit_change.change_kind IS '''first observed'', ''<old status> -> <new status>'', ''re-audited'' (same status, new score) or ''audit details changed'' (auditor or date only).';

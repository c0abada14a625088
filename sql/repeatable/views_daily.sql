-- views_daily.sql: the v_daily_* views over the rollup tables of migration 0003.
--
-- A repeatable file, re-run by `qai-loader migrate` when its text changes (see
-- views_conversation.sql for the rules). Averages and shares over a range are
-- sum(..._sum) / sum(count): never average the daily averages.

CREATE OR REPLACE VIEW v_daily_quality AS
SELECT
    r.day,
    r.stream_id,
    r.conversations,
    r.evaluated,
    round(r.evaluation_score_sum / nullif(r.evaluated, 0), 2) AS avg_evaluation_score,
    r.audited,
    round(r.audit_score_sum / nullif(r.audit_scored, 0), 2) AS avg_audit_score,
    r.fatal_errors,
    r.fatal_error_conversations,
    r.below_threshold,
    round(r.audited::numeric / nullif(r.conversations, 0), 4) AS share_audited,
    round(r.below_threshold::numeric / nullif(r.conversations, 0), 4) AS share_below_threshold,
    round(r.fatal_error_conversations::numeric / nullif(r.conversations, 0), 4) AS share_fatal_error,
    round(r.passed::numeric / nullif(r.pass_known, 0), 4) AS pass_rate,
    r.assigned,
    r.not_assigned,
    r.churn_risk,
    r.escalations,
    r.evaluation_score_sum,
    r.audit_scored,
    r.audit_score_sum,
    r.pass_known,
    r.passed
FROM rollup_daily_stream r;

COMMENT ON VIEW v_daily_quality IS
    'Daily quality per stream (rollup_daily_stream): volumes, average AutoQA and audit scores, fatal errors and shares. Over a range, compute averages from the sums and counts (sum(evaluation_score_sum) / sum(evaluated)), not from the daily averages.';
COMMENT ON COLUMN v_daily_quality.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_quality.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_quality.conversations IS 'Conversations that started that day.';
COMMENT ON COLUMN v_daily_quality.evaluated IS 'Conversations with an AutoQA score.';
COMMENT ON COLUMN v_daily_quality.avg_evaluation_score IS 'Average AutoQA score of the evaluated conversations, 2 decimals.';
COMMENT ON COLUMN v_daily_quality.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN v_daily_quality.avg_audit_score IS 'Average audit score of the conversations with one, 2 decimals.';
COMMENT ON COLUMN v_daily_quality.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN v_daily_quality.fatal_error_conversations IS 'Conversations with at least one fatal error.';
COMMENT ON COLUMN v_daily_quality.below_threshold IS 'Conversations too short to be evaluated (duration_status ''below_threshold'').';
COMMENT ON COLUMN v_daily_quality.share_audited IS 'audited / conversations, 0-1.';
COMMENT ON COLUMN v_daily_quality.share_below_threshold IS 'below_threshold / conversations, 0-1.';
COMMENT ON COLUMN v_daily_quality.share_fatal_error IS 'fatal_error_conversations / conversations, 0-1.';
COMMENT ON COLUMN v_daily_quality.pass_rate IS 'passed / pass_known: share of conversations that passed their evaluation form, 0-1.';
COMMENT ON COLUMN v_daily_quality.assigned IS 'Conversations whose latest audit status is ''Assigned''.';
COMMENT ON COLUMN v_daily_quality.not_assigned IS 'Conversations whose latest audit status is ''Not Assigned''.';
COMMENT ON COLUMN v_daily_quality.churn_risk IS 'Conversations with churn risk observed.';
COMMENT ON COLUMN v_daily_quality.escalations IS 'Conversations with an escalation observed.';
COMMENT ON COLUMN v_daily_quality.evaluation_score_sum IS 'Sum of AutoQA scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_quality.audit_scored IS 'Conversations with an audit score (for averages over ranges).';
COMMENT ON COLUMN v_daily_quality.audit_score_sum IS 'Sum of audit scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_quality.pass_known IS 'Conversations whose pass/fail is known (for pass rates over ranges).';
COMMENT ON COLUMN v_daily_quality.passed IS 'Conversations that passed (for pass rates over ranges).';

CREATE OR REPLACE VIEW v_daily_agent AS
SELECT
    r.day,
    r.stream_id,
    r.agent_key,
    a.agent_id,
    a.agent_name,
    r.conversations,
    r.evaluated,
    round(r.evaluation_score_sum / nullif(r.evaluated, 0), 2) AS avg_evaluation_score,
    r.audited,
    round(r.audit_score_sum / nullif(r.audit_scored, 0), 2) AS avg_audit_score,
    r.fatal_errors,
    r.fatal_error_conversations,
    r.below_threshold,
    round(r.audited::numeric / nullif(r.conversations, 0), 4) AS share_audited,
    round(r.below_threshold::numeric / nullif(r.conversations, 0), 4) AS share_below_threshold,
    round(r.passed::numeric / nullif(r.pass_known, 0), 4) AS pass_rate,
    round(r.empathy_score_sum / nullif(r.empathy_scored, 0), 2) AS avg_empathy_score,
    r.evaluation_score_sum,
    r.audit_scored,
    r.audit_score_sum,
    r.pass_known,
    r.passed,
    r.empathy_scored,
    r.empathy_score_sum
FROM rollup_daily_agent r
JOIN dim_agent a USING (agent_key);

COMMENT ON VIEW v_daily_agent IS
    'Daily scorecard per agent and stream (rollup_daily_agent) with the agent''s current name. A conversation with two agents counts for both. Over a range, compute averages from the sums and counts.';
COMMENT ON COLUMN v_daily_agent.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_agent.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_agent.agent_key IS 'Warehouse key of the agent (dim_agent.agent_key).';
COMMENT ON COLUMN v_daily_agent.agent_id IS 'Vendor agent id.';
COMMENT ON COLUMN v_daily_agent.agent_name IS 'Current agent name; NULL if never sent.';
COMMENT ON COLUMN v_daily_agent.conversations IS 'Conversations of the agent that started that day.';
COMMENT ON COLUMN v_daily_agent.evaluated IS 'Conversations with an AutoQA score.';
COMMENT ON COLUMN v_daily_agent.avg_evaluation_score IS 'Average AutoQA score, 2 decimals.';
COMMENT ON COLUMN v_daily_agent.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN v_daily_agent.avg_audit_score IS 'Average audit score, 2 decimals.';
COMMENT ON COLUMN v_daily_agent.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN v_daily_agent.fatal_error_conversations IS 'Conversations with at least one fatal error.';
COMMENT ON COLUMN v_daily_agent.below_threshold IS 'Conversations too short to be evaluated.';
COMMENT ON COLUMN v_daily_agent.share_audited IS 'audited / conversations, 0-1.';
COMMENT ON COLUMN v_daily_agent.share_below_threshold IS 'below_threshold / conversations, 0-1.';
COMMENT ON COLUMN v_daily_agent.pass_rate IS 'passed / pass_known, 0-1.';
COMMENT ON COLUMN v_daily_agent.avg_empathy_score IS 'Average empathy score of the agent, 2 decimals.';
COMMENT ON COLUMN v_daily_agent.evaluation_score_sum IS 'Sum of AutoQA scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_agent.audit_scored IS 'Conversations with an audit score (for averages over ranges).';
COMMENT ON COLUMN v_daily_agent.audit_score_sum IS 'Sum of audit scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_agent.pass_known IS 'Conversations whose pass/fail is known.';
COMMENT ON COLUMN v_daily_agent.passed IS 'Conversations that passed.';
COMMENT ON COLUMN v_daily_agent.empathy_scored IS 'Conversations with an empathy score for the agent.';
COMMENT ON COLUMN v_daily_agent.empathy_score_sum IS 'Sum of the agent''s empathy scores.';

CREATE OR REPLACE VIEW v_daily_queue AS
SELECT
    r.day,
    r.stream_id,
    r.queue_key,
    q.queue_id,
    q.queue_name,
    r.conversations,
    r.evaluated,
    round(r.evaluation_score_sum / nullif(r.evaluated, 0), 2) AS avg_evaluation_score,
    r.audited,
    round(r.audit_score_sum / nullif(r.audit_scored, 0), 2) AS avg_audit_score,
    r.fatal_errors,
    r.fatal_error_conversations,
    r.below_threshold,
    round(r.audited::numeric / nullif(r.conversations, 0), 4) AS share_audited,
    round(r.below_threshold::numeric / nullif(r.conversations, 0), 4) AS share_below_threshold,
    round(r.passed::numeric / nullif(r.pass_known, 0), 4) AS pass_rate,
    r.evaluation_score_sum,
    r.audit_scored,
    r.audit_score_sum,
    r.pass_known,
    r.passed
FROM rollup_daily_queue r
JOIN dim_queue q USING (queue_key);

COMMENT ON VIEW v_daily_queue IS
    'Daily figures per queue and stream (rollup_daily_queue) with the queue''s current name. A conversation in two queues counts for both. Over a range, compute averages from the sums and counts.';
COMMENT ON COLUMN v_daily_queue.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_queue.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_queue.queue_key IS 'Warehouse key of the queue (dim_queue.queue_key).';
COMMENT ON COLUMN v_daily_queue.queue_id IS 'Vendor queue id.';
COMMENT ON COLUMN v_daily_queue.queue_name IS 'Current queue name; NULL if never sent.';
COMMENT ON COLUMN v_daily_queue.conversations IS 'Conversations in the queue that started that day.';
COMMENT ON COLUMN v_daily_queue.evaluated IS 'Conversations with an AutoQA score.';
COMMENT ON COLUMN v_daily_queue.avg_evaluation_score IS 'Average AutoQA score, 2 decimals.';
COMMENT ON COLUMN v_daily_queue.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN v_daily_queue.avg_audit_score IS 'Average audit score, 2 decimals.';
COMMENT ON COLUMN v_daily_queue.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN v_daily_queue.fatal_error_conversations IS 'Conversations with at least one fatal error.';
COMMENT ON COLUMN v_daily_queue.below_threshold IS 'Conversations too short to be evaluated.';
COMMENT ON COLUMN v_daily_queue.share_audited IS 'audited / conversations, 0-1.';
COMMENT ON COLUMN v_daily_queue.share_below_threshold IS 'below_threshold / conversations, 0-1.';
COMMENT ON COLUMN v_daily_queue.pass_rate IS 'passed / pass_known, 0-1.';
COMMENT ON COLUMN v_daily_queue.evaluation_score_sum IS 'Sum of AutoQA scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_queue.audit_scored IS 'Conversations with an audit score (for averages over ranges).';
COMMENT ON COLUMN v_daily_queue.audit_score_sum IS 'Sum of audit scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_queue.pass_known IS 'Conversations whose pass/fail is known.';
COMMENT ON COLUMN v_daily_queue.passed IS 'Conversations that passed.';

CREATE OR REPLACE VIEW v_daily_metric AS
SELECT
    r.day,
    r.stream_id,
    r.metric_key,
    m.metric_id,
    m.metric_name,
    r.results,
    r.conversations,
    r.passed,
    r.failed,
    r.not_applicable,
    r.unanswered,
    round(r.passed::numeric / nullif(r.passed + r.failed, 0), 4) AS pass_rate,
    r.fatal_results > 0 AS is_fatal_metric,
    r.fatal_failures
FROM rollup_daily_metric r
JOIN dim_metric m USING (metric_key);

COMMENT ON VIEW v_daily_metric IS
    'Daily compliance per metric and stream (rollup_daily_metric) with the metric''s current name. Over a range, pass rate is sum(passed) / sum(passed + failed).';
COMMENT ON COLUMN v_daily_metric.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_metric.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_metric.metric_key IS 'Warehouse key of the metric (dim_metric.metric_key).';
COMMENT ON COLUMN v_daily_metric.metric_id IS 'Vendor metric id, or the name for entries sent without an id.';
COMMENT ON COLUMN v_daily_metric.metric_name IS 'Current metric name; NULL if never sent.';
COMMENT ON COLUMN v_daily_metric.results IS 'Metric entries evaluated that day.';
COMMENT ON COLUMN v_daily_metric.conversations IS 'Distinct conversations with an entry of the metric.';
COMMENT ON COLUMN v_daily_metric.passed IS 'Entries with qualification YES.';
COMMENT ON COLUMN v_daily_metric.failed IS 'Entries with qualification NO.';
COMMENT ON COLUMN v_daily_metric.not_applicable IS 'Entries with qualification NA or ''-''.';
COMMENT ON COLUMN v_daily_metric.unanswered IS 'Entries without a qualification.';
COMMENT ON COLUMN v_daily_metric.pass_rate IS 'passed / (passed + failed), 0-1; NA and unanswered entries are left out.';
COMMENT ON COLUMN v_daily_metric.is_fatal_metric IS 'true when entries of the metric were flagged fatal that day.';
COMMENT ON COLUMN v_daily_metric.fatal_failures IS 'Fatal entries that failed: fatal errors caused by this metric.';

CREATE OR REPLACE VIEW v_daily_agent_metric AS
SELECT
    r.day,
    r.stream_id,
    r.agent_key,
    a.agent_id,
    a.agent_name,
    r.metric_key,
    m.metric_id,
    m.metric_name,
    r.results,
    r.passed,
    r.failed,
    round(r.passed::numeric / nullif(r.passed + r.failed, 0), 4) AS pass_rate,
    r.fatal_failures
FROM rollup_daily_agent_metric r
JOIN dim_agent a USING (agent_key)
JOIN dim_metric m USING (metric_key);

COMMENT ON VIEW v_daily_agent_metric IS
    'Daily metric results per agent (rollup_daily_agent_metric) with current agent and metric names: which metrics an agent fails. Over a range, pass rate is sum(passed) / sum(passed + failed).';
COMMENT ON COLUMN v_daily_agent_metric.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_agent_metric.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_agent_metric.agent_key IS 'Warehouse key of the agent (dim_agent.agent_key).';
COMMENT ON COLUMN v_daily_agent_metric.agent_id IS 'Vendor agent id.';
COMMENT ON COLUMN v_daily_agent_metric.agent_name IS 'Current agent name; NULL if never sent.';
COMMENT ON COLUMN v_daily_agent_metric.metric_key IS 'Warehouse key of the metric (dim_metric.metric_key).';
COMMENT ON COLUMN v_daily_agent_metric.metric_id IS 'Vendor metric id, or the name for entries sent without an id.';
COMMENT ON COLUMN v_daily_agent_metric.metric_name IS 'Current metric name; NULL if never sent.';
COMMENT ON COLUMN v_daily_agent_metric.results IS 'Metric entries of the agent''s conversations that day.';
COMMENT ON COLUMN v_daily_agent_metric.passed IS 'Entries with qualification YES.';
COMMENT ON COLUMN v_daily_agent_metric.failed IS 'Entries with qualification NO.';
COMMENT ON COLUMN v_daily_agent_metric.pass_rate IS 'passed / (passed + failed), 0-1.';
COMMENT ON COLUMN v_daily_agent_metric.fatal_failures IS 'Fatal entries that failed.';

CREATE OR REPLACE VIEW v_daily_intent AS
SELECT
    r.day,
    r.stream_id,
    r.intent_key,
    i.source,
    i.intent_name,
    r.conversations,
    r.positive,
    r.neutral,
    r.negative,
    round(r.negative::numeric / nullif(r.conversations, 0), 4) AS share_negative,
    r.resolved,
    r.resolution_known,
    round(r.resolved::numeric / nullif(r.resolution_known, 0), 4) AS share_resolved,
    round(r.confidence_sum / nullif(r.confidence_count, 0), 2) AS avg_confidence
FROM rollup_daily_intent r
JOIN dim_intent i USING (intent_key);

COMMENT ON VIEW v_daily_intent IS
    'Daily intents per stream (rollup_daily_intent): how often each generated intent or configured topic came up, with its sentiment and resolution.';
COMMENT ON COLUMN v_daily_intent.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_intent.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_intent.intent_key IS 'Warehouse key of the intent (dim_intent.intent_key).';
COMMENT ON COLUMN v_daily_intent.source IS '''generated'' or ''configured''.';
COMMENT ON COLUMN v_daily_intent.intent_name IS 'Display name of the intent (''L1 > L2 > L3'' for configured topics).';
COMMENT ON COLUMN v_daily_intent.conversations IS 'Conversations in which the intent was detected.';
COMMENT ON COLUMN v_daily_intent.positive IS 'Of those, with a positive intent sentiment.';
COMMENT ON COLUMN v_daily_intent.neutral IS 'Of those, with a neutral intent sentiment.';
COMMENT ON COLUMN v_daily_intent.negative IS 'Of those, with a negative intent sentiment.';
COMMENT ON COLUMN v_daily_intent.share_negative IS 'negative / conversations, 0-1.';
COMMENT ON COLUMN v_daily_intent.resolved IS 'Of those, resolved.';
COMMENT ON COLUMN v_daily_intent.resolution_known IS 'Of those, with any resolution value.';
COMMENT ON COLUMN v_daily_intent.share_resolved IS 'resolved / resolution_known, 0-1.';
COMMENT ON COLUMN v_daily_intent.avg_confidence IS 'Average detection confidence, 2 decimals.';

CREATE OR REPLACE VIEW v_daily_sentiment AS
SELECT
    r.day,
    r.stream_id,
    r.sentiment,
    r.conversations,
    round(r.sentiment_score_sum / nullif(r.sentiment_scored, 0), 2) AS avg_sentiment_score,
    r.sentiment_scored,
    r.sentiment_score_sum
FROM rollup_daily_sentiment r;

COMMENT ON VIEW v_daily_sentiment IS
    'Daily overall sentiment per stream (rollup_daily_sentiment): conversations per sentiment and their average sentiment score.';
COMMENT ON COLUMN v_daily_sentiment.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN v_daily_sentiment.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_sentiment.sentiment IS 'Overall sentiment in lower case, ''(none)'' when absent.';
COMMENT ON COLUMN v_daily_sentiment.conversations IS 'Conversations with this sentiment that started that day.';
COMMENT ON COLUMN v_daily_sentiment.avg_sentiment_score IS 'Average sentiment score of those with one, 2 decimals.';
COMMENT ON COLUMN v_daily_sentiment.sentiment_scored IS 'Conversations with a sentiment score (for averages over ranges).';
COMMENT ON COLUMN v_daily_sentiment.sentiment_score_sum IS 'Sum of sentiment scores (for averages over ranges).';

CREATE OR REPLACE VIEW v_daily_audit AS
SELECT
    r.day AS audit_day,
    r.stream_id,
    nullif(r.auditor, '') AS auditor,
    r.audits AS audits_completed,
    round(r.audit_score_sum / nullif(r.audit_scored, 0), 2) AS avg_audit_score,
    round(r.score_difference_sum / nullif(r.compared, 0), 2) AS avg_audit_score_difference,
    round(r.hours_to_audit_sum / nullif(r.audits, 0), 2) AS avg_hours_to_audit,
    r.after_7_days AS audits_after_7_days,
    r.audit_scored,
    r.audit_score_sum,
    r.compared,
    r.score_difference_sum,
    r.hours_to_audit_sum
FROM rollup_daily_audit r;

COMMENT ON VIEW v_daily_audit IS
    'Audits completed per UTC day of audit_date, stream and auditor (rollup_daily_audit): how many, their scores against AutoQA and how long after the conversation they came. Over a range, compute averages from the sums (sum(hours_to_audit_sum) / sum(audits_completed)). For medians use v_audit_completed.';
COMMENT ON COLUMN v_daily_audit.audit_day IS 'UTC calendar day the audits were completed.';
COMMENT ON COLUMN v_daily_audit.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_daily_audit.auditor IS 'Auditor; NULL when the API named none.';
COMMENT ON COLUMN v_daily_audit.audits_completed IS 'Conversations whose latest audit was completed that day.';
COMMENT ON COLUMN v_daily_audit.avg_audit_score IS 'Average audit score, 2 decimals.';
COMMENT ON COLUMN v_daily_audit.avg_audit_score_difference IS 'Average of audit_score minus kore_evaluation_score, 2 decimals: positive when the auditor scores higher than AutoQA.';
COMMENT ON COLUMN v_daily_audit.avg_hours_to_audit IS 'Average hours from conversation_start to audit_date, 2 decimals.';
COMMENT ON COLUMN v_daily_audit.audits_after_7_days IS 'Audits completed more than 7 days after the conversation started (late audits).';
COMMENT ON COLUMN v_daily_audit.audit_scored IS 'Audits with a score (for averages over ranges).';
COMMENT ON COLUMN v_daily_audit.audit_score_sum IS 'Sum of audit scores (for averages over ranges).';
COMMENT ON COLUMN v_daily_audit.compared IS 'Audits with both an audit and an AutoQA score (for averages over ranges).';
COMMENT ON COLUMN v_daily_audit.score_difference_sum IS 'Sum of audit_score minus kore_evaluation_score (for averages over ranges).';
COMMENT ON COLUMN v_daily_audit.hours_to_audit_sum IS 'Sum of hours to audit (for averages over ranges).';

CREATE OR REPLACE VIEW v_audit_backlog_summary AS
SELECT
    b.stream_id,
    b.audit_status,
    b.age_bucket,
    b.age_bucket_order,
    sum(b.conversations)::integer AS conversations,
    sum(b.evaluated_conversations)::integer AS evaluated_conversations,
    min(b.day) AS oldest_conversation_day
FROM (
    SELECT r.stream_id, s.audit_status, r.day,
        CASE WHEN s.audit_status = 'Assigned' THEN r.assigned ELSE r.not_assigned END AS conversations,
        CASE WHEN s.audit_status = 'Assigned' THEN r.assigned_evaluated ELSE r.not_assigned_evaluated END
            AS evaluated_conversations,
        CASE
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 3 THEN '0-2 days'
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 8 THEN '3-7 days'
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 15 THEN '8-14 days'
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 31 THEN '15-30 days'
            ELSE 'over 30 days'
        END AS age_bucket,
        CASE
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 3 THEN 1
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 8 THEN 2
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 15 THEN 3
            WHEN (now() AT TIME ZONE 'UTC')::date - r.day < 31 THEN 4
            ELSE 5
        END AS age_bucket_order
    FROM rollup_daily_stream r
    CROSS JOIN (VALUES ('Assigned'), ('Not Assigned')) AS s (audit_status)
) b
WHERE b.conversations > 0
GROUP BY b.stream_id, b.audit_status, b.age_bucket, b.age_bucket_order;

COMMENT ON VIEW v_audit_backlog_summary IS
    'Audit backlog now, from the daily rollup: conversations whose latest audit status is ''Assigned'' or ''Not Assigned'', by stream and age band. Age counts whole UTC days from the conversation day to today; conversations without a start time are left out (v_audit_backlog lists every one).';
COMMENT ON COLUMN v_audit_backlog_summary.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_audit_backlog_summary.audit_status IS '''Assigned'' or ''Not Assigned''.';
COMMENT ON COLUMN v_audit_backlog_summary.age_bucket IS 'Days since the conversation day: ''0-2 days'', ''3-7 days'', ''8-14 days'', ''15-30 days'' or ''over 30 days''.';
COMMENT ON COLUMN v_audit_backlog_summary.age_bucket_order IS 'Sort key of age_bucket, 1 (youngest) to 5.';
COMMENT ON COLUMN v_audit_backlog_summary.conversations IS 'Conversations in the backlog for this stream, status and age band.';
COMMENT ON COLUMN v_audit_backlog_summary.evaluated_conversations IS 'Of those, the ones with an AutoQA score (below-threshold conversations are never audited).';
COMMENT ON COLUMN v_audit_backlog_summary.oldest_conversation_day IS 'UTC day of the oldest conversation in the group.';

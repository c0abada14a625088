-- 0003_daily_rollups.sql: daily rollup tables for dashboards over long ranges, the function that
-- rebuilds them day by day, and the v_daily_* views that read them.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`.
--
-- Rollups are derived data. Each table holds one row per UTC day of conversation_start (plus
-- stream and dimension key) with counts and sums, so averages and shares over any range are
-- sum(..._sum) / sum(count): never average the daily averages. Conversations without a start time
-- are not in any rollup. The rows of a day are rebuilt as a whole (delete + insert) by
-- refresh_rollups(days). Each load transaction records the days whose conversations it inserted
-- or changed in rollup_pending_day (committed with the facts, so a crash loses nothing), and
-- qai-loader rebuilds the pending days after the run; refresh_rollups() clears them. To rebuild
-- everything: SELECT refresh_rollups(array(SELECT DISTINCT (conversation_start AT TIME ZONE 'UTC')::date
-- FROM fact_conversation WHERE conversation_start IS NOT NULL)).
-- The day key leads every primary key, so a time-range filter on day is an index range scan.

-- Tables ------------------------------------------------------------------------------------------

CREATE TABLE rollup_daily_stream (
    day                       date NOT NULL,
    stream_id                 text NOT NULL,
    conversations             integer NOT NULL,
    evaluated                 integer NOT NULL,
    evaluation_score_sum      numeric NOT NULL,
    pass_known                integer NOT NULL,
    passed                    integer NOT NULL,
    below_threshold           integer NOT NULL,
    fatal_error_conversations integer NOT NULL,
    fatal_errors              integer NOT NULL,
    audited                   integer NOT NULL,
    audit_scored              integer NOT NULL,
    audit_score_sum           numeric NOT NULL,
    assigned                  integer NOT NULL,
    not_assigned              integer NOT NULL,
    assigned_evaluated        integer NOT NULL,
    not_assigned_evaluated    integer NOT NULL,
    churn_risk                integer NOT NULL,
    escalations               integer NOT NULL,
    refreshed_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id)
);

COMMENT ON TABLE rollup_daily_stream IS
    'Derived: conversations per UTC day of conversation_start and stream, with score and audit totals. Rebuilt per day by refresh_rollups(); read it through v_daily_quality.';
COMMENT ON COLUMN rollup_daily_stream.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_stream.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_stream.conversations IS 'Conversations that started that day.';
COMMENT ON COLUMN rollup_daily_stream.evaluated IS 'Of those, conversations with an AutoQA score (kore_evaluation_score not NULL).';
COMMENT ON COLUMN rollup_daily_stream.evaluation_score_sum IS 'Sum of kore_evaluation_score over the evaluated conversations.';
COMMENT ON COLUMN rollup_daily_stream.pass_known IS 'Conversations whose is_passed is known (not NULL).';
COMMENT ON COLUMN rollup_daily_stream.passed IS 'Conversations with is_passed true.';
COMMENT ON COLUMN rollup_daily_stream.below_threshold IS 'Conversations with duration_status ''below_threshold''.';
COMMENT ON COLUMN rollup_daily_stream.fatal_error_conversations IS 'Conversations with fatal_error_count > 0.';
COMMENT ON COLUMN rollup_daily_stream.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN rollup_daily_stream.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN rollup_daily_stream.audit_scored IS 'Conversations with an audit score.';
COMMENT ON COLUMN rollup_daily_stream.audit_score_sum IS 'Sum of audit_score over the conversations with one.';
COMMENT ON COLUMN rollup_daily_stream.assigned IS 'Conversations whose latest audit status is ''Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.not_assigned IS 'Conversations whose latest audit status is ''Not Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.assigned_evaluated IS 'Conversations with an AutoQA score whose latest audit status is ''Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.not_assigned_evaluated IS 'Conversations with an AutoQA score whose latest audit status is ''Not Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.churn_risk IS 'Conversations with is_churn_risk_observed true.';
COMMENT ON COLUMN rollup_daily_stream.escalations IS 'Conversations with is_escalation_observed true.';
COMMENT ON COLUMN rollup_daily_stream.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_agent (
    day                       date NOT NULL,
    stream_id                 text NOT NULL,
    agent_key                 bigint NOT NULL,
    conversations             integer NOT NULL,
    evaluated                 integer NOT NULL,
    evaluation_score_sum      numeric NOT NULL,
    pass_known                integer NOT NULL,
    passed                    integer NOT NULL,
    below_threshold           integer NOT NULL,
    fatal_error_conversations integer NOT NULL,
    fatal_errors              integer NOT NULL,
    audited                   integer NOT NULL,
    audit_scored              integer NOT NULL,
    audit_score_sum           numeric NOT NULL,
    empathy_scored            integer NOT NULL,
    empathy_score_sum         numeric NOT NULL,
    refreshed_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, agent_key)
);

COMMENT ON TABLE rollup_daily_agent IS
    'Derived: conversations per UTC day, stream and agent (a conversation with two agents counts for each). Rebuilt per day by refresh_rollups(); read it through v_daily_agent.';
COMMENT ON COLUMN rollup_daily_agent.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_agent.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_agent.agent_key IS 'The agent (dim_agent.agent_key).';
COMMENT ON COLUMN rollup_daily_agent.conversations IS 'Conversations of the agent that started that day.';
COMMENT ON COLUMN rollup_daily_agent.evaluated IS 'Of those, conversations with an AutoQA score.';
COMMENT ON COLUMN rollup_daily_agent.evaluation_score_sum IS 'Sum of kore_evaluation_score over the evaluated conversations.';
COMMENT ON COLUMN rollup_daily_agent.pass_known IS 'Conversations whose is_passed is known.';
COMMENT ON COLUMN rollup_daily_agent.passed IS 'Conversations with is_passed true.';
COMMENT ON COLUMN rollup_daily_agent.below_threshold IS 'Conversations with duration_status ''below_threshold''.';
COMMENT ON COLUMN rollup_daily_agent.fatal_error_conversations IS 'Conversations with fatal_error_count > 0.';
COMMENT ON COLUMN rollup_daily_agent.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN rollup_daily_agent.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN rollup_daily_agent.audit_scored IS 'Conversations with an audit score.';
COMMENT ON COLUMN rollup_daily_agent.audit_score_sum IS 'Sum of audit_score over the conversations with one.';
COMMENT ON COLUMN rollup_daily_agent.empathy_scored IS 'Conversations with an empathy score for this agent.';
COMMENT ON COLUMN rollup_daily_agent.empathy_score_sum IS 'Sum of the agent''s empathy_score over those conversations.';
COMMENT ON COLUMN rollup_daily_agent.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_queue (
    day                       date NOT NULL,
    stream_id                 text NOT NULL,
    queue_key                 bigint NOT NULL,
    conversations             integer NOT NULL,
    evaluated                 integer NOT NULL,
    evaluation_score_sum      numeric NOT NULL,
    pass_known                integer NOT NULL,
    passed                    integer NOT NULL,
    below_threshold           integer NOT NULL,
    fatal_error_conversations integer NOT NULL,
    fatal_errors              integer NOT NULL,
    audited                   integer NOT NULL,
    audit_scored              integer NOT NULL,
    audit_score_sum           numeric NOT NULL,
    refreshed_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, queue_key)
);

COMMENT ON TABLE rollup_daily_queue IS
    'Derived: conversations per UTC day, stream and queue (a conversation in two queues counts for each). Rebuilt per day by refresh_rollups(); read it through v_daily_queue.';
COMMENT ON COLUMN rollup_daily_queue.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_queue.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_queue.queue_key IS 'The queue (dim_queue.queue_key).';
COMMENT ON COLUMN rollup_daily_queue.conversations IS 'Conversations in the queue that started that day.';
COMMENT ON COLUMN rollup_daily_queue.evaluated IS 'Of those, conversations with an AutoQA score.';
COMMENT ON COLUMN rollup_daily_queue.evaluation_score_sum IS 'Sum of kore_evaluation_score over the evaluated conversations.';
COMMENT ON COLUMN rollup_daily_queue.pass_known IS 'Conversations whose is_passed is known.';
COMMENT ON COLUMN rollup_daily_queue.passed IS 'Conversations with is_passed true.';
COMMENT ON COLUMN rollup_daily_queue.below_threshold IS 'Conversations with duration_status ''below_threshold''.';
COMMENT ON COLUMN rollup_daily_queue.fatal_error_conversations IS 'Conversations with fatal_error_count > 0.';
COMMENT ON COLUMN rollup_daily_queue.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN rollup_daily_queue.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN rollup_daily_queue.audit_scored IS 'Conversations with an audit score.';
COMMENT ON COLUMN rollup_daily_queue.audit_score_sum IS 'Sum of audit_score over the conversations with one.';
COMMENT ON COLUMN rollup_daily_queue.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_metric (
    day            date NOT NULL,
    stream_id      text NOT NULL,
    metric_key     bigint NOT NULL,
    results        integer NOT NULL,
    conversations  integer NOT NULL,
    passed         integer NOT NULL,
    failed         integer NOT NULL,
    not_applicable integer NOT NULL,
    unanswered     integer NOT NULL,
    fatal_results  integer NOT NULL,
    fatal_failures integer NOT NULL,
    refreshed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, metric_key)
);

COMMENT ON TABLE rollup_daily_metric IS
    'Derived: metric results per UTC day of conversation_start, stream and metric. Rebuilt per day by refresh_rollups(); read it through v_daily_metric.';
COMMENT ON COLUMN rollup_daily_metric.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_metric.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_metric.metric_key IS 'The metric (dim_metric.metric_key).';
COMMENT ON COLUMN rollup_daily_metric.results IS 'Metric entries (fact_metric rows) of conversations that started that day.';
COMMENT ON COLUMN rollup_daily_metric.conversations IS 'Distinct conversations with at least one entry of the metric.';
COMMENT ON COLUMN rollup_daily_metric.passed IS 'Entries with qualification YES.';
COMMENT ON COLUMN rollup_daily_metric.failed IS 'Entries with qualification NO.';
COMMENT ON COLUMN rollup_daily_metric.not_applicable IS 'Entries with qualification NA or ''-''.';
COMMENT ON COLUMN rollup_daily_metric.unanswered IS 'Entries without a qualification (not evaluated, or a manual metric not yet answered).';
COMMENT ON COLUMN rollup_daily_metric.fatal_results IS 'Entries flagged as a fatal metric (is_fatal_error).';
COMMENT ON COLUMN rollup_daily_metric.fatal_failures IS 'Fatal entries with qualification NO: fatal errors.';
COMMENT ON COLUMN rollup_daily_metric.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_agent_metric (
    day            date NOT NULL,
    stream_id      text NOT NULL,
    agent_key      bigint NOT NULL,
    metric_key     bigint NOT NULL,
    results        integer NOT NULL,
    passed         integer NOT NULL,
    failed         integer NOT NULL,
    fatal_failures integer NOT NULL,
    refreshed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, agent_key, metric_key)
);

COMMENT ON TABLE rollup_daily_agent_metric IS
    'Derived: metric results per UTC day of conversation_start, stream, agent and metric (a conversation with two agents counts for each), for agent scorecards. Rebuilt per day by refresh_rollups(); read it through v_daily_agent_metric.';
COMMENT ON COLUMN rollup_daily_agent_metric.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_agent_metric.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_agent_metric.agent_key IS 'The agent (dim_agent.agent_key).';
COMMENT ON COLUMN rollup_daily_agent_metric.metric_key IS 'The metric (dim_metric.metric_key).';
COMMENT ON COLUMN rollup_daily_agent_metric.results IS 'Metric entries of the agent''s conversations that started that day.';
COMMENT ON COLUMN rollup_daily_agent_metric.passed IS 'Entries with qualification YES.';
COMMENT ON COLUMN rollup_daily_agent_metric.failed IS 'Entries with qualification NO.';
COMMENT ON COLUMN rollup_daily_agent_metric.fatal_failures IS 'Fatal entries with qualification NO: fatal errors.';
COMMENT ON COLUMN rollup_daily_agent_metric.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_intent (
    day              date NOT NULL,
    stream_id        text NOT NULL,
    intent_key       bigint NOT NULL,
    conversations    integer NOT NULL,
    positive         integer NOT NULL,
    neutral          integer NOT NULL,
    negative         integer NOT NULL,
    resolved         integer NOT NULL,
    resolution_known integer NOT NULL,
    confidence_count integer NOT NULL,
    confidence_sum   numeric NOT NULL,
    refreshed_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, intent_key)
);

COMMENT ON TABLE rollup_daily_intent IS
    'Derived: conversations per UTC day of conversation_start, stream and intent, with the intent''s sentiment and resolution. Rebuilt per day by refresh_rollups(); read it through v_daily_intent.';
COMMENT ON COLUMN rollup_daily_intent.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_intent.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_intent.intent_key IS 'The intent (dim_intent.intent_key).';
COMMENT ON COLUMN rollup_daily_intent.conversations IS 'Conversations in which the intent was detected.';
COMMENT ON COLUMN rollup_daily_intent.positive IS 'Of those, with intent sentiment ''positive'' (any case).';
COMMENT ON COLUMN rollup_daily_intent.neutral IS 'Of those, with intent sentiment ''neutral'' (any case).';
COMMENT ON COLUMN rollup_daily_intent.negative IS 'Of those, with intent sentiment ''negative'' (any case).';
COMMENT ON COLUMN rollup_daily_intent.resolved IS 'Of those, with a resolution that reads as resolved (''true'', ''yes'', ''resolved'').';
COMMENT ON COLUMN rollup_daily_intent.resolution_known IS 'Of those, with any resolution value.';
COMMENT ON COLUMN rollup_daily_intent.confidence_count IS 'Of those, with a confidence value.';
COMMENT ON COLUMN rollup_daily_intent.confidence_sum IS 'Sum of confidence over those with one.';
COMMENT ON COLUMN rollup_daily_intent.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_sentiment (
    day                 date NOT NULL,
    stream_id           text NOT NULL,
    sentiment           text NOT NULL,
    conversations       integer NOT NULL,
    sentiment_scored    integer NOT NULL,
    sentiment_score_sum numeric NOT NULL,
    refreshed_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, sentiment)
);

COMMENT ON TABLE rollup_daily_sentiment IS
    'Derived: conversations per UTC day of conversation_start, stream and overall sentiment. Rebuilt per day by refresh_rollups(); read it through v_daily_sentiment.';
COMMENT ON COLUMN rollup_daily_sentiment.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_sentiment.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_sentiment.sentiment IS 'Overall sentiment in lower case (e.g. ''positive''), ''(none)'' when the conversation has none.';
COMMENT ON COLUMN rollup_daily_sentiment.conversations IS 'Conversations with this sentiment that started that day.';
COMMENT ON COLUMN rollup_daily_sentiment.sentiment_scored IS 'Of those, conversations with a sentiment score.';
COMMENT ON COLUMN rollup_daily_sentiment.sentiment_score_sum IS 'Sum of sentiment_score over those with one.';
COMMENT ON COLUMN rollup_daily_sentiment.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_daily_audit (
    day                  date NOT NULL,
    stream_id            text NOT NULL,
    auditor              text NOT NULL,
    audits               integer NOT NULL,
    audit_scored         integer NOT NULL,
    audit_score_sum      numeric NOT NULL,
    compared             integer NOT NULL,
    score_difference_sum numeric NOT NULL,
    hours_to_audit_sum   numeric NOT NULL,
    after_7_days         integer NOT NULL,
    refreshed_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, stream_id, auditor)
);

COMMENT ON TABLE rollup_daily_audit IS
    'Derived: completed audits per UTC day of audit_date, stream and auditor (the latest audit of each conversation with a start time). refresh_rollups() rebuilds the audit days its conversation days touch: their conversations'' current and earlier audit dates (from fact_audit_history). Read it through v_daily_audit.';
COMMENT ON COLUMN rollup_daily_audit.day IS 'UTC calendar day of audit_date (when the audit was completed).';
COMMENT ON COLUMN rollup_daily_audit.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_audit.auditor IS 'Auditor of the latest audit; '''' when the API named none.';
COMMENT ON COLUMN rollup_daily_audit.audits IS 'Conversations whose latest audit status is ''Audited'' with an audit_date on that day.';
COMMENT ON COLUMN rollup_daily_audit.audit_scored IS 'Of those, audits with a score.';
COMMENT ON COLUMN rollup_daily_audit.audit_score_sum IS 'Sum of their audit scores.';
COMMENT ON COLUMN rollup_daily_audit.compared IS 'Of those, audits of evaluated conversations (both an audit and an AutoQA score).';
COMMENT ON COLUMN rollup_daily_audit.score_difference_sum IS 'Sum of audit_score minus kore_evaluation_score over the compared audits.';
COMMENT ON COLUMN rollup_daily_audit.hours_to_audit_sum IS 'Sum of hours from conversation_start to audit_date.';
COMMENT ON COLUMN rollup_daily_audit.after_7_days IS 'Audits completed more than 7 days after the conversation started.';
COMMENT ON COLUMN rollup_daily_audit.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

CREATE TABLE rollup_pending_day (
    stream_id text NOT NULL,
    day       date NOT NULL,
    marked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, day)
);

COMMENT ON TABLE rollup_pending_day IS
    'Days whose rollups are out of date: a load marks the days of the conversations it inserted or changed, in its own transaction, and refresh_rollups() removes the days it rebuilds. Empty when the rollups are current.';
COMMENT ON COLUMN rollup_pending_day.stream_id IS 'Stream whose load changed the day (rollups are rebuilt for all streams of the day).';
COMMENT ON COLUMN rollup_pending_day.day IS 'UTC calendar day of conversation_start whose rollups must be rebuilt.';
COMMENT ON COLUMN rollup_pending_day.marked_at IS 'When a load first marked the day (UTC).';

-- Refresh -----------------------------------------------------------------------------------------

CREATE FUNCTION refresh_rollups(p_days date[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
    SET work_mem = '64MB'
AS $refresh$
DECLARE
    v_days date[];
    v_from timestamptz;
    v_to timestamptz;
    v_audit_days date[];
BEGIN
    SELECT coalesce(array_agg(DISTINCT u.day ORDER BY u.day), '{}'::date[]) INTO v_days
    FROM unnest(p_days) AS u(day)
    WHERE u.day IS NOT NULL;
    IF cardinality(v_days) = 0 THEN
        RETURN 0;
    END IF;
    -- One index range scan from the first to the last day; the day list filters inside it.
    v_from := v_days[1]::timestamp AT TIME ZONE 'UTC';
    v_to := (v_days[cardinality(v_days)] + 1)::timestamp AT TIME ZONE 'UTC';
    -- One refresher at a time per schema: two loaders rebuilding the same day would otherwise
    -- both delete and insert it. Held until the caller's transaction ends.
    PERFORM pg_advisory_xact_lock(hashtextextended('qai-loader:rollups:' || current_schema(), 0));

    DELETE FROM rollup_pending_day WHERE day = ANY (v_days);

    DELETE FROM rollup_daily_stream WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_agent WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_queue WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_metric WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_agent_metric WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_intent WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_sentiment WHERE day = ANY (v_days);

    INSERT INTO rollup_daily_stream (day, stream_id, conversations, evaluated, evaluation_score_sum, pass_known,
        passed, below_threshold, fatal_error_conversations, fatal_errors, audited, audit_scored, audit_score_sum,
        assigned, not_assigned, assigned_evaluated, not_assigned_evaluated, churn_risk, escalations)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, count(*), count(c.kore_evaluation_score), coalesce(sum(c.kore_evaluation_score), 0),
        count(c.is_passed), count(*) FILTER (WHERE c.is_passed),
        count(*) FILTER (WHERE c.duration_status = 'below_threshold'),
        count(*) FILTER (WHERE c.fatal_error_count > 0), coalesce(sum(c.fatal_error_count), 0),
        count(*) FILTER (WHERE c.audit_status = 'Audited'), count(c.audit_score), coalesce(sum(c.audit_score), 0),
        count(*) FILTER (WHERE c.audit_status = 'Assigned'), count(*) FILTER (WHERE c.audit_status = 'Not Assigned'),
        count(*) FILTER (WHERE c.audit_status = 'Assigned' AND c.kore_evaluation_score IS NOT NULL),
        count(*) FILTER (WHERE c.audit_status = 'Not Assigned' AND c.kore_evaluation_score IS NOT NULL),
        count(*) FILTER (WHERE c.is_churn_risk_observed), count(*) FILTER (WHERE c.is_escalation_observed)
    FROM fact_conversation c
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2;

    INSERT INTO rollup_daily_agent (day, stream_id, agent_key, conversations, evaluated, evaluation_score_sum,
        pass_known, passed, below_threshold, fatal_error_conversations, fatal_errors, audited, audit_scored,
        audit_score_sum, empathy_scored, empathy_score_sum)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, b.agent_key, count(*), count(c.kore_evaluation_score),
        coalesce(sum(c.kore_evaluation_score), 0), count(c.is_passed), count(*) FILTER (WHERE c.is_passed),
        count(*) FILTER (WHERE c.duration_status = 'below_threshold'),
        count(*) FILTER (WHERE c.fatal_error_count > 0), coalesce(sum(c.fatal_error_count), 0),
        count(*) FILTER (WHERE c.audit_status = 'Audited'), count(c.audit_score), coalesce(sum(c.audit_score), 0),
        count(b.empathy_score), coalesce(sum(b.empathy_score), 0)
    FROM fact_conversation c
    JOIN bridge_conversation_agent b ON b.conversation_id = c.conversation_id
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2, 3;

    INSERT INTO rollup_daily_queue (day, stream_id, queue_key, conversations, evaluated, evaluation_score_sum,
        pass_known, passed, below_threshold, fatal_error_conversations, fatal_errors, audited, audit_scored,
        audit_score_sum)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, b.queue_key, count(*), count(c.kore_evaluation_score),
        coalesce(sum(c.kore_evaluation_score), 0), count(c.is_passed), count(*) FILTER (WHERE c.is_passed),
        count(*) FILTER (WHERE c.duration_status = 'below_threshold'),
        count(*) FILTER (WHERE c.fatal_error_count > 0), coalesce(sum(c.fatal_error_count), 0),
        count(*) FILTER (WHERE c.audit_status = 'Audited'), count(c.audit_score), coalesce(sum(c.audit_score), 0)
    FROM fact_conversation c
    JOIN bridge_conversation_queue b ON b.conversation_id = c.conversation_id
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2, 3;

    INSERT INTO rollup_daily_metric (day, stream_id, metric_key, results, conversations, passed, failed,
        not_applicable, unanswered, fatal_results, fatal_failures)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, m.metric_key, count(*), count(DISTINCT m.conversation_id),
        count(*) FILTER (WHERE upper(m.qualification) = 'YES'), count(*) FILTER (WHERE upper(m.qualification) = 'NO'),
        count(*) FILTER (WHERE upper(m.qualification) IN ('NA', '-')), count(*) FILTER (WHERE m.qualification IS NULL),
        count(*) FILTER (WHERE m.is_fatal_error),
        count(*) FILTER (WHERE m.is_fatal_error AND upper(m.qualification) = 'NO')
    FROM fact_conversation c
    JOIN fact_metric m ON m.conversation_id = c.conversation_id
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2, 3;

    INSERT INTO rollup_daily_agent_metric (day, stream_id, agent_key, metric_key, results, passed, failed,
        fatal_failures)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, b.agent_key, m.metric_key, count(*),
        count(*) FILTER (WHERE upper(m.qualification) = 'YES'), count(*) FILTER (WHERE upper(m.qualification) = 'NO'),
        count(*) FILTER (WHERE m.is_fatal_error AND upper(m.qualification) = 'NO')
    FROM fact_conversation c
    JOIN bridge_conversation_agent b ON b.conversation_id = c.conversation_id
    JOIN fact_metric m ON m.conversation_id = c.conversation_id
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2, 3, 4;

    INSERT INTO rollup_daily_intent (day, stream_id, intent_key, conversations, positive, neutral, negative,
        resolved, resolution_known, confidence_count, confidence_sum)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, i.intent_key, count(*),
        count(*) FILTER (WHERE lower(i.sentiment) = 'positive'), count(*) FILTER (WHERE lower(i.sentiment) = 'neutral'),
        count(*) FILTER (WHERE lower(i.sentiment) = 'negative'),
        count(*) FILTER (WHERE lower(i.resolution) IN ('true', 'yes', 'resolved')), count(i.resolution),
        count(i.confidence), coalesce(sum(i.confidence), 0)
    FROM fact_conversation c
    JOIN fact_conversation_intent i ON i.conversation_id = c.conversation_id
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2, 3;

    INSERT INTO rollup_daily_sentiment (day, stream_id, sentiment, conversations, sentiment_scored,
        sentiment_score_sum)
    SELECT (c.conversation_start AT TIME ZONE 'UTC')::date,
        c.stream_id, coalesce(lower(c.sentiment), '(none)'), count(*), count(c.sentiment_score),
        coalesce(sum(c.sentiment_score), 0)
    FROM fact_conversation c
    WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
      AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days)
    GROUP BY 1, 2, 3;

    -- Audit days: the current and earlier audit dates of the conversations of those days.
    SELECT coalesce(array_agg(DISTINCT a.day ORDER BY a.day), '{}'::date[]) INTO v_audit_days
    FROM (
        SELECT (c.audit_date AT TIME ZONE 'UTC')::date AS day
        FROM fact_conversation c
        WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
          AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days) AND c.audit_date IS NOT NULL
        UNION
        SELECT (h.audit_date AT TIME ZONE 'UTC')::date
        FROM fact_conversation c
        JOIN fact_audit_history h ON h.conversation_id = c.conversation_id
        WHERE c.conversation_start >= v_from AND c.conversation_start < v_to
          AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY (v_days) AND h.audit_date IS NOT NULL
    ) a;
    IF cardinality(v_audit_days) > 0 THEN
        DELETE FROM rollup_daily_audit WHERE day = ANY (v_audit_days);
        INSERT INTO rollup_daily_audit (day, stream_id, auditor, audits, audit_scored, audit_score_sum, compared,
            score_difference_sum, hours_to_audit_sum, after_7_days)
        SELECT (c.audit_date AT TIME ZONE 'UTC')::date,
            c.stream_id, coalesce(c.auditor, ''), count(*), count(c.audit_score), coalesce(sum(c.audit_score), 0),
            count(c.audit_score - c.kore_evaluation_score),
            coalesce(sum(c.audit_score - c.kore_evaluation_score), 0),
            coalesce(sum(extract(epoch FROM c.audit_date - c.conversation_start) / 3600), 0),
            count(*) FILTER (WHERE c.audit_date - c.conversation_start > interval '7 days')
        FROM fact_conversation c
        WHERE c.audit_status = 'Audited' AND c.conversation_start IS NOT NULL
          AND c.audit_date >= v_audit_days[1]::timestamp AT TIME ZONE 'UTC'
          AND c.audit_date < (v_audit_days[cardinality(v_audit_days)] + 1)::timestamp AT TIME ZONE 'UTC'
          AND (c.audit_date AT TIME ZONE 'UTC')::date = ANY (v_audit_days)
        GROUP BY 1, 2, 3;
    END IF;

    RETURN cardinality(v_days);
END;
$refresh$;

REVOKE ALL ON FUNCTION refresh_rollups(date[]) FROM PUBLIC;

COMMENT ON FUNCTION refresh_rollups(date[]) IS
    'Rebuilds every rollup_daily_* row of the given UTC days from the facts (delete + insert) and removes the days from rollup_pending_day, in the caller''s transaction, one refresher per schema at a time (transaction advisory lock). NULLs and duplicates in the array are ignored; returns the number of distinct days rebuilt. qai-loader calls it for the pending days after each run.';

-- Daily views ---------------------------------------------------------------------------------------

CREATE VIEW v_daily_quality AS
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

CREATE VIEW v_daily_agent AS
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

CREATE VIEW v_daily_queue AS
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

CREATE VIEW v_daily_metric AS
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

CREATE VIEW v_daily_agent_metric AS
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

CREATE VIEW v_daily_intent AS
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

CREATE VIEW v_daily_sentiment AS
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

CREATE VIEW v_daily_audit AS
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

CREATE VIEW v_audit_backlog_summary AS
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

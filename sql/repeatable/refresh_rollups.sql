-- refresh_rollups.sql: the function that rebuilds the rollup tables of migration 0003 day by day,
-- and the key of the advisory lock that serialises it.
--
-- A repeatable file, re-run by `qai-loader migrate` when its text changes (see
-- views_conversation.sql for the rules). CREATE OR REPLACE FUNCTION keeps the function's grants; a
-- change of its arguments or result type needs a numbered migration that drops it first.
--
-- Each measure is written once, as a column name with the aggregate that fills it, and so is the
-- choice of the days' conversations: the statements are put together from them with format() and
-- run with EXECUTE ... USING (days as parameters, never spliced into the text). The rows they
-- write are those of migration 0003's version of the function, which this replaces.

CREATE OR REPLACE FUNCTION rollup_lock_key() RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path FROM CURRENT
AS $key$
    SELECT hashtextextended('qai-loader:rollups:' || current_schema(), 0)
$key$;

COMMENT ON FUNCTION rollup_lock_key() IS
    'The advisory lock key of this schema''s rollups: refresh_rollups takes it exclusively for its transaction, a load batch takes it shared from marking its days pending until it commits.';

-- One rollup table's rows for some days, as refresh_rollups asks: runs
--   INSERT INTO p_table (day, <key columns>, <measure columns>)
--   SELECT p_day, <key expressions>, <measure aggregates> FROM p_from WHERE p_where
--   GROUP BY day and keys
-- with p_range_from, p_range_to and p_day_list as $1, $2 and $3. p_keys and p_measures are
-- [column, expression] pairs. Only refresh_rollups calls it, with its own constant texts.
CREATE OR REPLACE FUNCTION rollup_insert(
    p_table text, p_day text, p_keys text[][], p_measures text[][], p_from text, p_where text,
    p_range_from timestamptz, p_range_to timestamptz, p_day_list date[]
) RETURNS void
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $insert$
DECLARE
    v_columns text := 'day';
    v_values text := p_day;
    v_groups text := '1';
BEGIN
    FOR i IN 1 .. array_length(p_keys, 1) LOOP
        v_columns := v_columns || ', ' || p_keys[i][1];
        v_values := v_values || ', ' || p_keys[i][2];
        v_groups := v_groups || ', ' || (i + 1);
    END LOOP;
    FOR i IN 1 .. array_length(p_measures, 1) LOOP
        v_columns := v_columns || ', ' || p_measures[i][1];
        v_values := v_values || ', ' || p_measures[i][2];
    END LOOP;
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %s WHERE %s GROUP BY %s',
        p_table, v_columns, v_values, p_from, p_where, v_groups)
    USING p_range_from, p_range_to, p_day_list;
END;
$insert$;

COMMENT ON FUNCTION rollup_insert(text, text, text[], text[], text, text, timestamptz, timestamptz, date[]) IS
    'Inserts one rollup table''s rows for some days from the SQL texts refresh_rollups passes (key and measure columns with their expressions); not for other callers. Runs with the caller''s rights (a role without INSERT on the rollup tables can do nothing with it), so it needs no grant beyond refresh_rollups''.';

CREATE OR REPLACE FUNCTION refresh_rollups(p_days date[]) RETURNS integer
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
    SET work_mem = '64MB'
AS $refresh$
DECLARE
    -- The conversations of the days, c: one index range scan from the first to the last day
    -- ($1, $2), the day list ($3) filtering inside it.
    c_days constant text := $$c.conversation_start >= $1 AND c.conversation_start < $2
        AND (c.conversation_start AT TIME ZONE 'UTC')::date = ANY ($3)$$;
    -- A conversation's day.
    c_day constant text := $$(c.conversation_start AT TIME ZONE 'UTC')::date$$;
    -- What rollup_daily_stream, _agent and _queue count of their conversations c.
    c_conversation_measures constant text[][] := ARRAY[
        ['conversations', 'count(*)'],
        ['evaluated', 'count(c.kore_evaluation_score)'],
        ['evaluation_score_sum', 'coalesce(sum(c.kore_evaluation_score), 0)'],
        ['pass_known', 'count(c.is_passed)'],
        ['passed', 'count(*) FILTER (WHERE c.is_passed)'],
        ['below_threshold', $$count(*) FILTER (WHERE c.duration_status = 'below_threshold')$$],
        ['fatal_error_conversations', 'count(*) FILTER (WHERE c.fatal_error_count > 0)'],
        ['fatal_errors', 'coalesce(sum(c.fatal_error_count), 0)'],
        ['audited', $$count(*) FILTER (WHERE c.audit_status = 'Audited')$$],
        ['audit_scored', 'count(c.audit_score)'],
        ['audit_score_sum', 'coalesce(sum(c.audit_score), 0)']];
    -- What rollup_daily_stream counts besides.
    c_stream_measures constant text[][] := ARRAY[
        ['assigned', $$count(*) FILTER (WHERE c.audit_status = 'Assigned')$$],
        ['not_assigned', $$count(*) FILTER (WHERE c.audit_status = 'Not Assigned')$$],
        ['assigned_evaluated', $$count(*) FILTER (WHERE c.audit_status = 'Assigned' AND c.kore_evaluation_score IS NOT NULL)$$],
        ['not_assigned_evaluated', $$count(*) FILTER (WHERE c.audit_status = 'Not Assigned' AND c.kore_evaluation_score IS NOT NULL)$$],
        ['churn_risk', 'count(*) FILTER (WHERE c.is_churn_risk_observed)'],
        ['escalations', 'count(*) FILTER (WHERE c.is_escalation_observed)']];
    -- What rollup_daily_agent counts besides, of the agent's bridge row b.
    c_agent_measures constant text[][] := ARRAY[
        ['empathy_scored', 'count(b.empathy_score)'],
        ['empathy_score_sum', 'coalesce(sum(b.empathy_score), 0)']];
    -- What rollup_daily_metric and _agent_metric count of their metric results m.
    c_result_measures constant text[][] := ARRAY[
        ['results', 'count(*)'],
        ['passed', $$count(*) FILTER (WHERE upper(m.qualification) = 'YES')$$],
        ['failed', $$count(*) FILTER (WHERE upper(m.qualification) = 'NO')$$]];
    c_fatal_failures constant text[][] := ARRAY[
        ['fatal_failures', $$count(*) FILTER (WHERE m.is_fatal_error AND upper(m.qualification) = 'NO')$$]];
    -- What rollup_daily_metric counts besides.
    c_metric_measures constant text[][] := ARRAY[
        ['conversations', 'count(DISTINCT m.conversation_id)'],
        ['not_applicable', $$count(*) FILTER (WHERE upper(m.qualification) IN ('NA', '-'))$$],
        ['unanswered', 'count(*) FILTER (WHERE m.qualification IS NULL)'],
        ['fatal_results', 'count(*) FILTER (WHERE m.is_fatal_error)']];
    c_intent_measures constant text[][] := ARRAY[
        ['conversations', 'count(*)'],
        ['positive', $$count(*) FILTER (WHERE lower(i.sentiment) = 'positive')$$],
        ['neutral', $$count(*) FILTER (WHERE lower(i.sentiment) = 'neutral')$$],
        ['negative', $$count(*) FILTER (WHERE lower(i.sentiment) = 'negative')$$],
        ['resolved', $$count(*) FILTER (WHERE lower(i.resolution) IN ('true', 'yes', 'resolved'))$$],
        ['resolution_known', 'count(i.resolution)'],
        ['confidence_count', 'count(i.confidence)'],
        ['confidence_sum', 'coalesce(sum(i.confidence), 0)']];
    c_sentiment_measures constant text[][] := ARRAY[
        ['conversations', 'count(*)'],
        ['sentiment_scored', 'count(c.sentiment_score)'],
        ['sentiment_score_sum', 'coalesce(sum(c.sentiment_score), 0)']];
    -- The audits of the audit days ($1 to $2, list $3), by the day of their audit.
    c_audit_measures constant text[][] := ARRAY[
        ['audits', 'count(*)'],
        ['audit_scored', 'count(c.audit_score)'],
        ['audit_score_sum', 'coalesce(sum(c.audit_score), 0)'],
        ['compared', 'count(c.audit_score - c.kore_evaluation_score)'],
        ['score_difference_sum', 'coalesce(sum(c.audit_score - c.kore_evaluation_score), 0)'],
        ['hours_to_audit_sum', 'coalesce(sum(extract(epoch FROM c.audit_date - c.conversation_start) / 3600), 0)'],
        ['after_7_days', $$count(*) FILTER (WHERE c.audit_date - c.conversation_start > interval '7 days')$$]];
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
    v_from := v_days[1]::timestamp AT TIME ZONE 'UTC';
    v_to := (v_days[cardinality(v_days)] + 1)::timestamp AT TIME ZONE 'UTC';
    -- One refresher at a time per schema: two loaders rebuilding the same day would otherwise
    -- both delete and insert it. Held until the caller's transaction ends.
    PERFORM pg_advisory_xact_lock(rollup_lock_key());

    DELETE FROM rollup_pending_day WHERE day = ANY (v_days);

    DELETE FROM rollup_daily_stream WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_agent WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_queue WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_metric WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_agent_metric WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_intent WHERE day = ANY (v_days);
    DELETE FROM rollup_daily_sentiment WHERE day = ANY (v_days);

    PERFORM rollup_insert('rollup_daily_stream', c_day, ARRAY[['stream_id', 'c.stream_id']],
        c_conversation_measures || c_stream_measures, 'fact_conversation c', c_days, v_from, v_to, v_days);
    PERFORM rollup_insert('rollup_daily_agent', c_day, ARRAY[['stream_id', 'c.stream_id'], ['agent_key', 'b.agent_key']],
        c_conversation_measures || c_agent_measures,
        'fact_conversation c JOIN bridge_conversation_agent b ON b.conversation_id = c.conversation_id',
        c_days, v_from, v_to, v_days);
    PERFORM rollup_insert('rollup_daily_queue', c_day, ARRAY[['stream_id', 'c.stream_id'], ['queue_key', 'b.queue_key']],
        c_conversation_measures,
        'fact_conversation c JOIN bridge_conversation_queue b ON b.conversation_id = c.conversation_id',
        c_days, v_from, v_to, v_days);
    PERFORM rollup_insert('rollup_daily_metric', c_day,
        ARRAY[['stream_id', 'c.stream_id'], ['metric_key', 'm.metric_key']],
        c_result_measures || c_metric_measures || c_fatal_failures,
        'fact_conversation c JOIN fact_metric m ON m.conversation_id = c.conversation_id',
        c_days, v_from, v_to, v_days);
    PERFORM rollup_insert('rollup_daily_agent_metric', c_day,
        ARRAY[['stream_id', 'c.stream_id'], ['agent_key', 'b.agent_key'], ['metric_key', 'm.metric_key']],
        c_result_measures || c_fatal_failures,
        'fact_conversation c JOIN bridge_conversation_agent b ON b.conversation_id = c.conversation_id '
            || 'JOIN fact_metric m ON m.conversation_id = c.conversation_id',
        c_days, v_from, v_to, v_days);
    PERFORM rollup_insert('rollup_daily_intent', c_day,
        ARRAY[['stream_id', 'c.stream_id'], ['intent_key', 'i.intent_key']], c_intent_measures,
        'fact_conversation c JOIN fact_conversation_intent i ON i.conversation_id = c.conversation_id',
        c_days, v_from, v_to, v_days);
    PERFORM rollup_insert('rollup_daily_sentiment', c_day,
        ARRAY[['stream_id', 'c.stream_id'], ['sentiment', $$coalesce(lower(c.sentiment), '(none)')$$]],
        c_sentiment_measures, 'fact_conversation c', c_days, v_from, v_to, v_days);

    -- Audit days: the current and earlier audit dates of the conversations of those days.
    EXECUTE format($audit_days$
        SELECT coalesce(array_agg(DISTINCT a.day ORDER BY a.day), '{}'::date[])
        FROM (
            SELECT (c.audit_date AT TIME ZONE 'UTC')::date AS day
            FROM fact_conversation c
            WHERE %1$s AND c.audit_date IS NOT NULL
            UNION
            SELECT (h.audit_date AT TIME ZONE 'UTC')::date
            FROM fact_conversation c
            JOIN fact_audit_history h ON h.conversation_id = c.conversation_id
            WHERE %1$s AND h.audit_date IS NOT NULL
        ) a
        $audit_days$, c_days)
    INTO v_audit_days
    USING v_from, v_to, v_days;
    IF cardinality(v_audit_days) > 0 THEN
        DELETE FROM rollup_daily_audit WHERE day = ANY (v_audit_days);
        PERFORM rollup_insert('rollup_daily_audit', $$(c.audit_date AT TIME ZONE 'UTC')::date$$,
            ARRAY[['stream_id', 'c.stream_id'], ['auditor', $$coalesce(c.auditor, '')$$]], c_audit_measures,
            'fact_conversation c',
            $$c.audit_status = 'Audited' AND c.conversation_start IS NOT NULL
                AND c.audit_date >= $1 AND c.audit_date < $2 AND (c.audit_date AT TIME ZONE 'UTC')::date = ANY ($3)$$,
            v_audit_days[1]::timestamp AT TIME ZONE 'UTC',
            (v_audit_days[cardinality(v_audit_days)] + 1)::timestamp AT TIME ZONE 'UTC', v_audit_days);
    END IF;

    RETURN cardinality(v_days);
END;
$refresh$;

REVOKE ALL ON FUNCTION refresh_rollups(date[]) FROM PUBLIC;

COMMENT ON FUNCTION refresh_rollups(date[]) IS
    'Rebuilds every rollup_daily_* row of the given UTC days from the facts (delete + insert) and removes the days from rollup_pending_day, in the caller''s transaction, one refresher per schema at a time (transaction advisory lock). NULLs and duplicates in the array are ignored; returns the number of distinct days rebuilt. qai-loader calls it for the pending days after each run.';

-- Where do fatal errors happen?
--
-- Conversations with at least one fatal error per queue over the last 30 days, with their share
-- of the queue's conversations, and the fatal metric that failed most in that queue.
-- Defaults: the 30 days up to the latest loaded day.
WITH params AS (
    SELECT max(day) - 29 AS first_day, max(day) AS last_day
    FROM v_daily_queue
),
by_queue AS (
    SELECT q.queue_key, q.queue_name, sum(q.conversations) AS conversations,
        sum(q.fatal_error_conversations) AS fatal_error_conversations, sum(q.fatal_errors) AS fatal_errors
    FROM v_daily_queue q, params p
    WHERE q.day BETWEEN p.first_day AND p.last_day
    GROUP BY q.queue_key, q.queue_name
),
top_metric AS (
    SELECT DISTINCT ON (b.queue_key) b.queue_key, r.metric_name, count(*) AS failures
    FROM v_metric_result r
    JOIN bridge_conversation_queue b USING (conversation_id)
    CROSS JOIN params p
    WHERE r.is_fatal_failure
      AND r.conversation_start >= p.first_day::timestamp AT TIME ZONE 'UTC'
      AND r.conversation_start < (p.last_day + 1)::timestamp AT TIME ZONE 'UTC'
    GROUP BY b.queue_key, r.metric_name
    ORDER BY b.queue_key, count(*) DESC, r.metric_name
)
SELECT
    q.queue_name,
    q.conversations,
    q.fatal_error_conversations,
    round(q.fatal_error_conversations::numeric / nullif(q.conversations, 0), 4) AS share_with_fatal_error,
    q.fatal_errors,
    t.metric_name AS most_failed_fatal_metric,
    t.failures AS its_failures
FROM by_queue q
LEFT JOIN top_metric t USING (queue_key)
ORDER BY q.fatal_error_conversations DESC;

-- Which queues have many conversations too short to be evaluated?
--
-- Share of conversations with duration_status 'below_threshold' per queue over the last 30 days
-- (they get no AutoQA score, so a high share hides quality problems).
-- Defaults: the 30 days up to the latest loaded day.
WITH params AS (
    SELECT max(day) - 29 AS first_day, max(day) AS last_day
    FROM v_daily_queue
)
SELECT
    q.queue_name,
    sum(q.conversations) AS conversations,
    sum(q.below_threshold) AS below_threshold,
    round(sum(q.below_threshold)::numeric / nullif(sum(q.conversations), 0), 4) AS share_below_threshold,
    round(sum(q.evaluation_score_sum) / nullif(sum(q.evaluated), 0), 2) AS avg_evaluation_score
FROM v_daily_queue q, params p
WHERE q.day BETWEEN p.first_day AND p.last_day
GROUP BY q.queue_key, q.queue_name
ORDER BY share_below_threshold DESC NULLS LAST;

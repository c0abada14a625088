-- How is quality trending, day by day?
--
-- One row per day over all streams: volume, average AutoQA and audit scores, fatal errors and the
-- shares audited and below threshold (averages from sums, so streams are weighted by volume).
-- Defaults: the 30 days up to the latest loaded day.
WITH params AS (
    SELECT max(day) - 29 AS first_day, max(day) AS last_day
    FROM v_daily_quality
)
SELECT
    q.day,
    sum(q.conversations) AS conversations,
    round(sum(q.evaluation_score_sum) / nullif(sum(q.evaluated), 0), 2) AS avg_evaluation_score,
    round(sum(q.audit_score_sum) / nullif(sum(q.audit_scored), 0), 2) AS avg_audit_score,
    sum(q.fatal_errors) AS fatal_errors,
    round(sum(q.audited)::numeric / nullif(sum(q.conversations), 0), 4) AS share_audited,
    round(sum(q.below_threshold)::numeric / nullif(sum(q.conversations), 0), 4) AS share_below_threshold
FROM v_daily_quality q, params p
WHERE q.day BETWEEN p.first_day AND p.last_day
GROUP BY q.day
ORDER BY q.day;

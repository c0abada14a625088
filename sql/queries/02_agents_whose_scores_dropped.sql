-- Which agents' AutoQA scores dropped week over week?
--
-- Average evaluation score per agent in the last 7 days against the 7 days before, from the daily
-- agent rollup (averages are computed from sums and counts, not from daily averages).
-- Defaults (edit the params row): weeks end on the latest loaded day; an agent needs at least
-- 5 evaluated conversations in each week; shows drops of at least 5 points.
WITH params AS (
    SELECT max(day) AS last_day, 5 AS min_evaluated, 5 AS min_drop
    FROM v_daily_agent
),
weekly AS (
    SELECT
        a.agent_id,
        a.agent_name,
        sum(a.evaluated) FILTER (WHERE a.day > p.last_day - 7) AS this_evaluated,
        sum(a.evaluation_score_sum) FILTER (WHERE a.day > p.last_day - 7)
            / nullif(sum(a.evaluated) FILTER (WHERE a.day > p.last_day - 7), 0) AS this_score,
        sum(a.evaluated) FILTER (WHERE a.day <= p.last_day - 7) AS previous_evaluated,
        sum(a.evaluation_score_sum) FILTER (WHERE a.day <= p.last_day - 7)
            / nullif(sum(a.evaluated) FILTER (WHERE a.day <= p.last_day - 7), 0) AS previous_score
    FROM v_daily_agent a, params p
    WHERE a.day > p.last_day - 14 AND a.day <= p.last_day
    GROUP BY a.agent_key, a.agent_id, a.agent_name
)
SELECT
    w.agent_name,
    w.agent_id,
    round(w.previous_score, 2) AS previous_week_score,
    round(w.this_score, 2) AS this_week_score,
    round(w.this_score - w.previous_score, 2) AS change,
    w.this_evaluated AS evaluated_this_week
FROM weekly w, params p
WHERE w.this_evaluated >= p.min_evaluated
  AND w.previous_evaluated >= p.min_evaluated
  AND w.previous_score - w.this_score >= p.min_drop
ORDER BY change ASC;

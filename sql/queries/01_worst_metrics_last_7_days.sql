-- Which metrics failed most often in the last 7 days?
--
-- Pass rate per metric over the 7 days ending on the latest day with data (from the daily rollup,
-- so it stays fast over any range). NA and unanswered entries are left out of the rate.
-- Defaults (edit the params row): the 7 days up to the latest loaded day; only metrics with at
-- least 20 answered results. For calendar weeks use current_date instead of the latest day.
WITH params AS (
    SELECT max(day) - 6 AS first_day, max(day) AS last_day, 20 AS min_results
    FROM v_daily_metric
)
SELECT
    m.metric_name,
    sum(m.passed) AS passed,
    sum(m.failed) AS failed,
    round(sum(m.passed)::numeric / nullif(sum(m.passed + m.failed), 0), 4) AS pass_rate,
    sum(m.fatal_failures) AS fatal_failures
FROM v_daily_metric m, params p
WHERE m.day BETWEEN p.first_day AND p.last_day
GROUP BY m.metric_key, m.metric_name, p.min_results
HAVING sum(m.passed + m.failed) >= p.min_results
ORDER BY pass_rate ASC, failed DESC
LIMIT 10;

-- How do conversations move through the audit workflow?
--
-- Audit status transitions observed by the loader per day (e.g. 'Not Assigned -> Assigned',
-- 'Assigned -> Audited', 're-audited'), from the audit history.
-- Defaults: transitions observed in the 30 days up to the latest observation.
WITH params AS (
    SELECT max(observed_at) - interval '30 days' AS since
    FROM fact_audit_history
)
SELECT
    (h.observed_at AT TIME ZONE 'UTC')::date AS observed_day,
    h.change_kind,
    count(*) AS conversations
FROM v_audit_change h, params p
WHERE h.observed_at >= p.since
  AND NOT h.is_first_observation
GROUP BY 1, 2
ORDER BY 1, 3 DESC;

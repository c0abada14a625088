-- How long do audits take, per auditor?
--
-- Audits completed per auditor with the median and 90th percentile time from conversation start to
-- audit, and how far the auditor's scores sit from AutoQA on average.
-- Defaults: audits completed in the 30 days up to the latest audit.
WITH params AS (
    SELECT max(audit_date) - interval '30 days' AS since
    FROM v_audit_completed
)
SELECT
    c.auditor,
    count(*) AS audits,
    round((percentile_cont(0.5) WITHIN GROUP (ORDER BY c.hours_to_audit))::numeric, 1) AS median_hours_to_audit,
    round((percentile_cont(0.9) WITHIN GROUP (ORDER BY c.hours_to_audit))::numeric, 1) AS p90_hours_to_audit,
    round(avg(c.audit_score_difference), 2) AS avg_score_vs_autoqa
FROM v_audit_completed c, params p
WHERE c.audit_date >= p.since
GROUP BY c.auditor
ORDER BY audits DESC;

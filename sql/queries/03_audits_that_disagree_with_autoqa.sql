-- Which audits changed the AutoQA verdict the most?
--
-- Completed audits whose manual score differs from the AutoQA score by at least 30 points, newest
-- audits first: where auditors and the AI disagree (calibration candidates).
-- Defaults: audits completed in the 30 days up to the latest audit; a gap of 30 points or more.
WITH params AS (
    SELECT max(audit_date) - interval '30 days' AS since, 30 AS min_gap
    FROM v_audit_completed
)
SELECT
    c.conversation_id,
    c.audit_date,
    c.auditor,
    c.agents,
    c.kore_evaluation_score,
    c.audit_score,
    c.audit_score_difference
FROM v_audit_completed c, params p
WHERE c.audit_date >= p.since
  AND abs(c.audit_score_difference) >= p.min_gap
ORDER BY abs(c.audit_score_difference) DESC, c.audit_date DESC
LIMIT 50;

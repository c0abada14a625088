-- Which conversations have waited more than 7 days for their audit?
--
-- The audit backlog (Assigned first, then Not Assigned) older than 7 days, oldest first, limited
-- to evaluated conversations (below-threshold ones are never audited).
-- Defaults: older than 7 days; the 200 oldest.
SELECT
    b.audit_status,
    b.auditor,
    b.conversation_id,
    b.conversation_start,
    b.age_days,
    b.agents,
    b.queues,
    b.kore_evaluation_score
FROM v_audit_backlog b
WHERE b.is_evaluated
  AND b.age_days > 7
ORDER BY b.audit_status = 'Assigned' DESC, b.conversation_start ASC
LIMIT 200;

-- Which audits were redone with a different score?
--
-- From the audit history: observations where a conversation already had an audit score and the
-- loader then saw a different one (a re-audit), with the previous and new score and auditor.
-- Parameter-free: every re-audit ever observed, newest first.
SELECT
    h.conversation_id,
    h.observed_at,
    h.previous_auditor,
    h.auditor,
    h.previous_audit_score,
    h.audit_score,
    h.audit_score_change,
    h.change_kind
FROM v_audit_change h
WHERE NOT h.is_first_observation
  AND h.previous_audit_score IS NOT NULL
  AND h.is_score_change
ORDER BY h.observed_at DESC, abs(h.audit_score_change) DESC NULLS LAST
LIMIT 100;

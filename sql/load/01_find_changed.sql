-- Finds new and changed conversations (content hash differs) and whether their audit fields
-- changed, before the facts are overwritten.
INSERT INTO stg_changed (conversation_id, is_new, audit_changed)
SELECT s.conversation_id, f.conversation_id IS NULL,
    f.conversation_id IS NULL OR (f.audit_status, f.audit_score, f.audit_date, f.auditor)
        IS DISTINCT FROM (s.audit_status, s.audit_score, s.audit_date, s.auditor)
FROM stg_key s LEFT JOIN fact_conversation f USING (conversation_id)
WHERE f.conversation_id IS NULL OR f.content_hash IS DISTINCT FROM s.content_hash;

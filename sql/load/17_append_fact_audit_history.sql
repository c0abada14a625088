-- One history row per conversation whose audit state is new or changed ($1: the run id), observed
-- at the batch's time ($2, epoch seconds: the loader's clock) or, when NULL, the database's.
INSERT INTO fact_audit_history (conversation_id, observed_at, audit_status, audit_score, audit_date, auditor,
    run_id)
SELECT s.conversation_id, coalesce(to_timestamp($2::float8), now()), s.audit_status, s.audit_score,
    s.audit_date, s.auditor, $1
FROM stg_conversation s JOIN stg_changed c USING (conversation_id)
WHERE c.audit_changed
ON CONFLICT (conversation_id, observed_at) DO UPDATE SET
    audit_status = excluded.audit_status, audit_score = excluded.audit_score,
    audit_date = excluded.audit_date, auditor = excluded.auditor, run_id = excluded.run_id;

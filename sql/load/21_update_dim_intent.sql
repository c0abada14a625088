-- Moves an intent's first seen back when the batch holds an earlier conversation with it (batches
-- commit out of order, and a backfill or re-sweep can load older days later): an upsert of the rows
-- that change, in key order, so the rows are locked in that order (and the statement runs on Citus
-- too, see 18_update_dim_agent.sql).
INSERT INTO dim_intent AS d (source, intent_l1, intent_l2, intent_l3, intent_name, first_seen_at)
SELECT n.source, n.intent_l1, n.intent_l2, n.intent_l3, d.intent_name, n.first_seen
FROM (
    SELECT i.source, i.intent_l1, i.intent_l2, i.intent_l3, min(c.conversation_start) AS first_seen
    FROM stg_intent i JOIN stg_conversation c USING (conversation_id)
    WHERE c.conversation_start IS NOT NULL
    GROUP BY i.source, i.intent_l1, i.intent_l2, i.intent_l3) n
JOIN dim_intent d
    ON (d.source, d.intent_l1, d.intent_l2, d.intent_l3) = (n.source, n.intent_l1, n.intent_l2, n.intent_l3)
WHERE d.first_seen_at IS NULL OR n.first_seen < d.first_seen_at
ORDER BY d.intent_key
ON CONFLICT (source, intent_l1, intent_l2, intent_l3) DO UPDATE SET first_seen_at = excluded.first_seen_at
WHERE d.first_seen_at IS NULL OR excluded.first_seen_at < d.first_seen_at;

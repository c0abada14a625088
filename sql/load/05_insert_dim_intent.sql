-- Inserts the batch's intents (source and L1-L3 path) that dim_intent does not hold yet.
INSERT INTO dim_intent (source, intent_l1, intent_l2, intent_l3, intent_name, first_seen_at)
SELECT i.source, i.intent_l1, i.intent_l2, i.intent_l3, min(i.intent_name), min(c.conversation_start)
FROM stg_intent i JOIN stg_conversation c USING (conversation_id)
GROUP BY i.source, i.intent_l1, i.intent_l2, i.intent_l3
ORDER BY 1, 2, 3, 4
ON CONFLICT (source, intent_l1, intent_l2, intent_l3) DO NOTHING;

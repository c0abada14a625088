-- Inserts the intents of the changed conversations, one row per distinct intent (its first ordinal).
INSERT INTO fact_conversation_intent (conversation_id, intent_key, confidence, sentiment, sentiment_score,
    resolution, keywords)
SELECT DISTINCT ON (i.conversation_id, d.intent_key) i.conversation_id, d.intent_key, i.confidence,
    i.sentiment, i.sentiment_score, i.resolution, i.keywords
FROM stg_intent i JOIN stg_changed c USING (conversation_id)
JOIN dim_intent d ON (d.source, d.intent_l1, d.intent_l2, d.intent_l3)
    = (i.source, i.intent_l1, i.intent_l2, i.intent_l3)
ORDER BY i.conversation_id, d.intent_key, i.intent_ordinal;

-- Inserts the queues of the changed conversations, one row per distinct queue (its first ordinal).
INSERT INTO bridge_conversation_queue (conversation_id, queue_key, queue_ordinal)
SELECT DISTINCT ON (q.conversation_id, d.queue_key) q.conversation_id, d.queue_key, q.queue_ordinal
FROM stg_queue q JOIN stg_changed c USING (conversation_id) JOIN dim_queue d ON d.queue_id = q.queue_id
ORDER BY q.conversation_id, d.queue_key, q.queue_ordinal;

-- Inserts the batch's queue ids that dim_queue does not hold yet, as 02_insert_dim_agent.sql does
-- for agents: existing rows are neither written nor locked.
INSERT INTO dim_queue (queue_id, queue_name, queue_name_seen_at, first_seen_at, last_seen_at)
SELECT nk, queue_name, queue_name_seen_at, first_seen_at, last_seen_at
FROM (
    SELECT s.queue_id AS nk,
        (array_agg(s.queue_name ORDER BY c.conversation_start DESC NULLS LAST, s.queue_name DESC)
            FILTER (WHERE s.queue_name IS NOT NULL))[1] AS queue_name,
        max(c.conversation_start) FILTER (WHERE s.queue_name IS NOT NULL) AS queue_name_seen_at,
        min(c.conversation_start) AS first_seen_at, max(c.conversation_start) AS last_seen_at
    FROM stg_queue s JOIN stg_conversation c USING (conversation_id)
    WHERE NOT EXISTS (SELECT 1 FROM dim_queue d WHERE d.queue_id = s.queue_id)
    GROUP BY s.queue_id) n
ORDER BY nk
ON CONFLICT (queue_id) DO NOTHING;

-- Inserts the batch's metric keys (the vendor's id, or the name when an entry has none) that
-- dim_metric does not hold yet, as 02_insert_dim_agent.sql does for agents; `metric_id_is_name`
-- holds only while every observation has it.
INSERT INTO dim_metric (metric_id, metric_name, metric_name_seen_at, metric_id_is_name, first_seen_at,
    last_seen_at)
SELECT nk, metric_name, metric_name_seen_at, metric_id_is_name, first_seen_at, last_seen_at
FROM (
    SELECT s.metric_nk AS nk,
        (array_agg(s.metric_name ORDER BY c.conversation_start DESC NULLS LAST, s.metric_name DESC)
            FILTER (WHERE s.metric_name IS NOT NULL))[1] AS metric_name,
        max(c.conversation_start) FILTER (WHERE s.metric_name IS NOT NULL) AS metric_name_seen_at,
        bool_and(s.metric_id_is_name) AS metric_id_is_name,
        min(c.conversation_start) AS first_seen_at, max(c.conversation_start) AS last_seen_at
    FROM stg_metric s JOIN stg_conversation c USING (conversation_id)
    WHERE NOT EXISTS (SELECT 1 FROM dim_metric d WHERE d.metric_id = s.metric_nk)
    GROUP BY s.metric_nk) n
ORDER BY nk
ON CONFLICT (metric_id) DO NOTHING;

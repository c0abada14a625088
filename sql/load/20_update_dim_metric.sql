-- Updates the current name, `metric_id_is_name` (true only while every observation has it) and
-- first/last seen of the existing dim_metric rows the batch observed, merging
-- the stored row `d` with the batch's observation `n` (or `excluded`): an attribute and its
-- `_seen_at` are replaced by one from a conversation that started at the same time or later (a
-- start counting as later than none); first/last seen widen. Rows that would not change are
-- neither written nor locked. An upsert of the changed rows in key order rather than an
-- `UPDATE ... FROM`: the conflicting rows are locked in key order, so two loaders updating the
-- same rows wait for each other instead of deadlocking, and the statement runs on Citus, where a
-- dimension is a reference table that an `UPDATE` joined with the batch's temporary tables cannot
-- change. The `WHERE` of `DO UPDATE` checks again against the row as locked.
INSERT INTO dim_metric AS d (metric_id, metric_name, metric_name_seen_at, metric_id_is_name, first_seen_at, last_seen_at)
SELECT n.nk, n.metric_name, n.metric_name_seen_at, n.metric_id_is_name, n.first_seen_at, n.last_seen_at
FROM (
    SELECT s.metric_nk AS nk,
        (array_agg(s.metric_name ORDER BY c.conversation_start DESC NULLS LAST, s.metric_name DESC)
            FILTER (WHERE s.metric_name IS NOT NULL))[1] AS metric_name,
        max(c.conversation_start) FILTER (WHERE s.metric_name IS NOT NULL) AS metric_name_seen_at,
        bool_and(s.metric_id_is_name) AS metric_id_is_name,
        min(c.conversation_start) AS first_seen_at, max(c.conversation_start) AS last_seen_at
    FROM stg_metric s JOIN stg_conversation c USING (conversation_id)
    GROUP BY s.metric_nk) n
JOIN dim_metric d ON d.metric_id = n.nk
WHERE d.metric_name IS DISTINCT FROM (CASE WHEN n.metric_name IS NOT NULL AND (d.metric_name IS NULL
            OR coalesce(n.metric_name_seen_at, '-infinity') >= coalesce(d.metric_name_seen_at, '-infinity'))
        THEN n.metric_name ELSE d.metric_name END)
    OR d.metric_name_seen_at IS DISTINCT FROM (CASE WHEN n.metric_name IS NOT NULL AND (d.metric_name IS NULL
            OR coalesce(n.metric_name_seen_at, '-infinity') >= coalesce(d.metric_name_seen_at, '-infinity'))
        THEN n.metric_name_seen_at ELSE d.metric_name_seen_at END)
    OR d.metric_id_is_name IS DISTINCT FROM (d.metric_id_is_name AND n.metric_id_is_name)
    OR d.first_seen_at IS DISTINCT FROM (LEAST(d.first_seen_at, n.first_seen_at))
    OR d.last_seen_at IS DISTINCT FROM (GREATEST(d.last_seen_at, n.last_seen_at))
ORDER BY n.nk
ON CONFLICT (metric_id) DO UPDATE SET
    metric_name = CASE WHEN excluded.metric_name IS NOT NULL AND (d.metric_name IS NULL
            OR coalesce(excluded.metric_name_seen_at, '-infinity') >= coalesce(d.metric_name_seen_at, '-infinity'))
        THEN excluded.metric_name ELSE d.metric_name END,
    metric_name_seen_at = CASE WHEN excluded.metric_name IS NOT NULL AND (d.metric_name IS NULL
            OR coalesce(excluded.metric_name_seen_at, '-infinity') >= coalesce(d.metric_name_seen_at, '-infinity'))
        THEN excluded.metric_name_seen_at ELSE d.metric_name_seen_at END,
    metric_id_is_name = d.metric_id_is_name AND excluded.metric_id_is_name,
    first_seen_at = LEAST(d.first_seen_at, excluded.first_seen_at),
    last_seen_at = GREATEST(d.last_seen_at, excluded.last_seen_at)
WHERE d.metric_name IS DISTINCT FROM (CASE WHEN excluded.metric_name IS NOT NULL AND (d.metric_name IS NULL
            OR coalesce(excluded.metric_name_seen_at, '-infinity') >= coalesce(d.metric_name_seen_at, '-infinity'))
        THEN excluded.metric_name ELSE d.metric_name END)
    OR d.metric_name_seen_at IS DISTINCT FROM (CASE WHEN excluded.metric_name IS NOT NULL AND (d.metric_name IS NULL
            OR coalesce(excluded.metric_name_seen_at, '-infinity') >= coalesce(d.metric_name_seen_at, '-infinity'))
        THEN excluded.metric_name_seen_at ELSE d.metric_name_seen_at END)
    OR d.metric_id_is_name IS DISTINCT FROM (d.metric_id_is_name AND excluded.metric_id_is_name)
    OR d.first_seen_at IS DISTINCT FROM (LEAST(d.first_seen_at, excluded.first_seen_at))
    OR d.last_seen_at IS DISTINCT FROM (GREATEST(d.last_seen_at, excluded.last_seen_at));

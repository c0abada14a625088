-- Updates the current name and first/last seen of the existing dim_queue rows the batch
-- observed, merging
-- the stored row `d` with the batch's observation `n` (or `excluded`): an attribute and its
-- `_seen_at` are replaced by one from a conversation that started at the same time or later (a
-- start counting as later than none); first/last seen widen. Rows that would not change are
-- neither written nor locked. An upsert of the changed rows in key order rather than an
-- `UPDATE ... FROM`: the conflicting rows are locked in key order, so two loaders updating the
-- same rows wait for each other instead of deadlocking, and the statement runs on Citus, where a
-- dimension is a reference table that an `UPDATE` joined with the batch's temporary tables cannot
-- change. The `WHERE` of `DO UPDATE` checks again against the row as locked.
INSERT INTO dim_queue AS d (queue_id, queue_name, queue_name_seen_at, first_seen_at, last_seen_at)
SELECT n.nk, n.queue_name, n.queue_name_seen_at, n.first_seen_at, n.last_seen_at
FROM (
    SELECT s.queue_id AS nk,
        (array_agg(s.queue_name ORDER BY c.conversation_start DESC NULLS LAST, s.queue_name DESC)
            FILTER (WHERE s.queue_name IS NOT NULL))[1] AS queue_name,
        max(c.conversation_start) FILTER (WHERE s.queue_name IS NOT NULL) AS queue_name_seen_at,
        min(c.conversation_start) AS first_seen_at, max(c.conversation_start) AS last_seen_at
    FROM stg_queue s JOIN stg_conversation c USING (conversation_id)
    GROUP BY s.queue_id) n
JOIN dim_queue d ON d.queue_id = n.nk
WHERE d.queue_name IS DISTINCT FROM (CASE WHEN n.queue_name IS NOT NULL AND (d.queue_name IS NULL
            OR coalesce(n.queue_name_seen_at, '-infinity') >= coalesce(d.queue_name_seen_at, '-infinity'))
        THEN n.queue_name ELSE d.queue_name END)
    OR d.queue_name_seen_at IS DISTINCT FROM (CASE WHEN n.queue_name IS NOT NULL AND (d.queue_name IS NULL
            OR coalesce(n.queue_name_seen_at, '-infinity') >= coalesce(d.queue_name_seen_at, '-infinity'))
        THEN n.queue_name_seen_at ELSE d.queue_name_seen_at END)
    OR d.first_seen_at IS DISTINCT FROM (LEAST(d.first_seen_at, n.first_seen_at))
    OR d.last_seen_at IS DISTINCT FROM (GREATEST(d.last_seen_at, n.last_seen_at))
ORDER BY n.nk
ON CONFLICT (queue_id) DO UPDATE SET
    queue_name = CASE WHEN excluded.queue_name IS NOT NULL AND (d.queue_name IS NULL
            OR coalesce(excluded.queue_name_seen_at, '-infinity') >= coalesce(d.queue_name_seen_at, '-infinity'))
        THEN excluded.queue_name ELSE d.queue_name END,
    queue_name_seen_at = CASE WHEN excluded.queue_name IS NOT NULL AND (d.queue_name IS NULL
            OR coalesce(excluded.queue_name_seen_at, '-infinity') >= coalesce(d.queue_name_seen_at, '-infinity'))
        THEN excluded.queue_name_seen_at ELSE d.queue_name_seen_at END,
    first_seen_at = LEAST(d.first_seen_at, excluded.first_seen_at),
    last_seen_at = GREATEST(d.last_seen_at, excluded.last_seen_at)
WHERE d.queue_name IS DISTINCT FROM (CASE WHEN excluded.queue_name IS NOT NULL AND (d.queue_name IS NULL
            OR coalesce(excluded.queue_name_seen_at, '-infinity') >= coalesce(d.queue_name_seen_at, '-infinity'))
        THEN excluded.queue_name ELSE d.queue_name END)
    OR d.queue_name_seen_at IS DISTINCT FROM (CASE WHEN excluded.queue_name IS NOT NULL AND (d.queue_name IS NULL
            OR coalesce(excluded.queue_name_seen_at, '-infinity') >= coalesce(d.queue_name_seen_at, '-infinity'))
        THEN excluded.queue_name_seen_at ELSE d.queue_name_seen_at END)
    OR d.first_seen_at IS DISTINCT FROM (LEAST(d.first_seen_at, excluded.first_seen_at))
    OR d.last_seen_at IS DISTINCT FROM (GREATEST(d.last_seen_at, excluded.last_seen_at));

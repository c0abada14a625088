-- Updates the current name and email and first/last seen of the existing dim_agent rows the
-- batch observed, merging
-- the stored row `d` with the batch's observation `n` (or `excluded`): an attribute and its
-- `_seen_at` are replaced by one from a conversation that started at the same time or later (a
-- start counting as later than none); first/last seen widen. Rows that would not change are
-- neither written nor locked. An upsert of the changed rows in key order rather than an
-- `UPDATE ... FROM`: the conflicting rows are locked in key order, so two loaders updating the
-- same rows wait for each other instead of deadlocking, and the statement runs on Citus, where a
-- dimension is a reference table that an `UPDATE` joined with the batch's temporary tables cannot
-- change. The `WHERE` of `DO UPDATE` checks again against the row as locked.
INSERT INTO dim_agent AS d (agent_id, agent_name, agent_name_seen_at, agent_email, agent_email_seen_at, first_seen_at, last_seen_at)
SELECT n.nk, n.agent_name, n.agent_name_seen_at, n.agent_email, n.agent_email_seen_at, n.first_seen_at, n.last_seen_at
FROM (
    SELECT s.agent_id AS nk,
        (array_agg(s.agent_name ORDER BY c.conversation_start DESC NULLS LAST, s.agent_name DESC)
            FILTER (WHERE s.agent_name IS NOT NULL))[1] AS agent_name,
        max(c.conversation_start) FILTER (WHERE s.agent_name IS NOT NULL) AS agent_name_seen_at,
        (array_agg(s.agent_email ORDER BY c.conversation_start DESC NULLS LAST, s.agent_email DESC)
            FILTER (WHERE s.agent_email IS NOT NULL))[1] AS agent_email,
        max(c.conversation_start) FILTER (WHERE s.agent_email IS NOT NULL) AS agent_email_seen_at,
        min(c.conversation_start) AS first_seen_at, max(c.conversation_start) AS last_seen_at
    FROM stg_agent s JOIN stg_conversation c USING (conversation_id)
    GROUP BY s.agent_id) n
JOIN dim_agent d ON d.agent_id = n.nk
WHERE d.agent_name IS DISTINCT FROM (CASE WHEN n.agent_name IS NOT NULL AND (d.agent_name IS NULL
            OR coalesce(n.agent_name_seen_at, '-infinity') >= coalesce(d.agent_name_seen_at, '-infinity'))
        THEN n.agent_name ELSE d.agent_name END)
    OR d.agent_name_seen_at IS DISTINCT FROM (CASE WHEN n.agent_name IS NOT NULL AND (d.agent_name IS NULL
            OR coalesce(n.agent_name_seen_at, '-infinity') >= coalesce(d.agent_name_seen_at, '-infinity'))
        THEN n.agent_name_seen_at ELSE d.agent_name_seen_at END)
    OR d.agent_email IS DISTINCT FROM (CASE WHEN n.agent_email IS NOT NULL AND (d.agent_email IS NULL
            OR coalesce(n.agent_email_seen_at, '-infinity') >= coalesce(d.agent_email_seen_at, '-infinity'))
        THEN n.agent_email ELSE d.agent_email END)
    OR d.agent_email_seen_at IS DISTINCT FROM (CASE WHEN n.agent_email IS NOT NULL AND (d.agent_email IS NULL
            OR coalesce(n.agent_email_seen_at, '-infinity') >= coalesce(d.agent_email_seen_at, '-infinity'))
        THEN n.agent_email_seen_at ELSE d.agent_email_seen_at END)
    OR d.first_seen_at IS DISTINCT FROM (LEAST(d.first_seen_at, n.first_seen_at))
    OR d.last_seen_at IS DISTINCT FROM (GREATEST(d.last_seen_at, n.last_seen_at))
ORDER BY n.nk
ON CONFLICT (agent_id) DO UPDATE SET
    agent_name = CASE WHEN excluded.agent_name IS NOT NULL AND (d.agent_name IS NULL
            OR coalesce(excluded.agent_name_seen_at, '-infinity') >= coalesce(d.agent_name_seen_at, '-infinity'))
        THEN excluded.agent_name ELSE d.agent_name END,
    agent_name_seen_at = CASE WHEN excluded.agent_name IS NOT NULL AND (d.agent_name IS NULL
            OR coalesce(excluded.agent_name_seen_at, '-infinity') >= coalesce(d.agent_name_seen_at, '-infinity'))
        THEN excluded.agent_name_seen_at ELSE d.agent_name_seen_at END,
    agent_email = CASE WHEN excluded.agent_email IS NOT NULL AND (d.agent_email IS NULL
            OR coalesce(excluded.agent_email_seen_at, '-infinity') >= coalesce(d.agent_email_seen_at, '-infinity'))
        THEN excluded.agent_email ELSE d.agent_email END,
    agent_email_seen_at = CASE WHEN excluded.agent_email IS NOT NULL AND (d.agent_email IS NULL
            OR coalesce(excluded.agent_email_seen_at, '-infinity') >= coalesce(d.agent_email_seen_at, '-infinity'))
        THEN excluded.agent_email_seen_at ELSE d.agent_email_seen_at END,
    first_seen_at = LEAST(d.first_seen_at, excluded.first_seen_at),
    last_seen_at = GREATEST(d.last_seen_at, excluded.last_seen_at)
WHERE d.agent_name IS DISTINCT FROM (CASE WHEN excluded.agent_name IS NOT NULL AND (d.agent_name IS NULL
            OR coalesce(excluded.agent_name_seen_at, '-infinity') >= coalesce(d.agent_name_seen_at, '-infinity'))
        THEN excluded.agent_name ELSE d.agent_name END)
    OR d.agent_name_seen_at IS DISTINCT FROM (CASE WHEN excluded.agent_name IS NOT NULL AND (d.agent_name IS NULL
            OR coalesce(excluded.agent_name_seen_at, '-infinity') >= coalesce(d.agent_name_seen_at, '-infinity'))
        THEN excluded.agent_name_seen_at ELSE d.agent_name_seen_at END)
    OR d.agent_email IS DISTINCT FROM (CASE WHEN excluded.agent_email IS NOT NULL AND (d.agent_email IS NULL
            OR coalesce(excluded.agent_email_seen_at, '-infinity') >= coalesce(d.agent_email_seen_at, '-infinity'))
        THEN excluded.agent_email ELSE d.agent_email END)
    OR d.agent_email_seen_at IS DISTINCT FROM (CASE WHEN excluded.agent_email IS NOT NULL AND (d.agent_email IS NULL
            OR coalesce(excluded.agent_email_seen_at, '-infinity') >= coalesce(d.agent_email_seen_at, '-infinity'))
        THEN excluded.agent_email_seen_at ELSE d.agent_email_seen_at END)
    OR d.first_seen_at IS DISTINCT FROM (LEAST(d.first_seen_at, excluded.first_seen_at))
    OR d.last_seen_at IS DISTINCT FROM (GREATEST(d.last_seen_at, excluded.last_seen_at));

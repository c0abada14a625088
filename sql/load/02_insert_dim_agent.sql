-- Inserts the batch's agent ids that dim_agent does not hold yet; existing rows are neither written
-- nor locked, so loaders running at the same time do not wait for each other here (except on a key
-- both insert). Per id: each attribute's non-NULL value from the newest conversation (ties: the
-- greatest value) with that conversation's start (`<attribute>_seen_at`), and the first and last
-- conversation start.
INSERT INTO dim_agent (agent_id, agent_name, agent_name_seen_at, agent_email, agent_email_seen_at,
    first_seen_at, last_seen_at)
SELECT nk, agent_name, agent_name_seen_at, agent_email, agent_email_seen_at, first_seen_at, last_seen_at
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
    WHERE NOT EXISTS (SELECT 1 FROM dim_agent d WHERE d.agent_id = s.agent_id)
    GROUP BY s.agent_id) n
ORDER BY nk
ON CONFLICT (agent_id) DO NOTHING;

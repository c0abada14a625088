-- Inserts the agents of the changed conversations, one row per distinct agent (its first ordinal).
INSERT INTO bridge_conversation_agent (conversation_id, agent_key, agent_ordinal, empathy_score, agent_start_time)
SELECT DISTINCT ON (a.conversation_id, d.agent_key) a.conversation_id, d.agent_key, a.agent_ordinal,
    a.empathy_score, a.agent_start_time
FROM stg_agent a JOIN stg_changed c USING (conversation_id) JOIN dim_agent d ON d.agent_id = a.agent_id
ORDER BY a.conversation_id, d.agent_key, a.agent_ordinal;

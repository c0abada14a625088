-- 0005_dimension_references.sql: the fact and bridge tables' dimension keys are no longer declared
-- foreign keys.
--
-- Every row of fact_metric, bridge_conversation_agent, bridge_conversation_queue and
-- fact_conversation_intent takes its key from a join with the dimension in the same transaction
-- that inserts it, and the loader never deletes dimension rows, so each key always has its
-- dimension row (the sync tests check it after every load). The declared constraints made every
-- inserted row lock its dimension row (FOR KEY SHARE); two loaders committing batches at the same
-- time then shared those locks through MultiXacts and spent about as much time on them as on the
-- load itself. The references to fact_conversation (conversation_id, ON DELETE CASCADE) stay.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`.

ALTER TABLE fact_metric DROP CONSTRAINT IF EXISTS fact_metric_metric_key_fkey;
ALTER TABLE bridge_conversation_agent DROP CONSTRAINT IF EXISTS bridge_conversation_agent_agent_key_fkey;
ALTER TABLE bridge_conversation_queue DROP CONSTRAINT IF EXISTS bridge_conversation_queue_queue_key_fkey;
ALTER TABLE fact_conversation_intent DROP CONSTRAINT IF EXISTS fact_conversation_intent_intent_key_fkey;

COMMENT ON COLUMN fact_metric.metric_key IS
    'The metric (dim_metric.metric_key). Always present in dim_metric (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN bridge_conversation_agent.agent_key IS
    'The agent (dim_agent.agent_key). Always present in dim_agent (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN bridge_conversation_queue.queue_key IS
    'The queue (dim_queue.queue_key). Always present in dim_queue (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN fact_conversation_intent.intent_key IS
    'The intent (dim_intent.intent_key). Always present in dim_intent (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';

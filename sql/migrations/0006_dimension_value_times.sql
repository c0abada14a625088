-- 0006_dimension_value_times.sql: each current dimension attribute remembers the conversation start
-- of the record it came from, so the value a load keeps does not depend on the order batches
-- commit in or on how a run was split by a crash and its rerun.
--
-- A batch's value replaces the stored one when it comes from a conversation that started at the
-- same time or later (a record without a start time counts as the earliest); records with the
-- same start tie, and go to the greatest value within a batch and to the later load across
-- batches. Before this migration the loader compared against last_seen_at, the newest
-- conversation with the key at all: when a batch whose newest record had no email committed
-- first, the email of an older record committed later was kept out. Existing rows take
-- last_seen_at: the best the old rule knew.
--
-- metric_id_is_name becomes true only when every entry with that natural key loaded from now on
-- came without an id (it could turn true when one batch happened to hold only id-less entries);
-- rows loaded earlier keep their value.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`.

ALTER TABLE dim_agent ADD COLUMN agent_name_seen_at timestamptz, ADD COLUMN agent_email_seen_at timestamptz;
ALTER TABLE dim_queue ADD COLUMN queue_name_seen_at timestamptz;
ALTER TABLE dim_metric ADD COLUMN metric_name_seen_at timestamptz;

UPDATE dim_agent SET agent_name_seen_at = CASE WHEN agent_name IS NOT NULL THEN last_seen_at END,
    agent_email_seen_at = CASE WHEN agent_email IS NOT NULL THEN last_seen_at END
WHERE agent_name IS NOT NULL OR agent_email IS NOT NULL;
UPDATE dim_queue SET queue_name_seen_at = last_seen_at WHERE queue_name IS NOT NULL;
UPDATE dim_metric SET metric_name_seen_at = last_seen_at WHERE metric_name IS NOT NULL;

COMMENT ON COLUMN dim_agent.agent_name IS
    'Agent display name ("Agent Name" / agentName) from the loaded record with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_agent.agent_email IS
    'Agent email ("Agent Email" / agentEmail) from the loaded record with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_agent.agent_name_seen_at IS
    'conversation_start (UTC) of the record agent_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_agent.agent_email_seen_at IS
    'conversation_start (UTC) of the record agent_email came from; NULL when that record had no start time or no email was ever sent.';
COMMENT ON COLUMN dim_queue.queue_name IS
    'Queue display name ("Queue Name" / queueName) from the loaded record with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_queue.queue_name_seen_at IS
    'conversation_start (UTC) of the record queue_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_metric.metric_name IS
    'Metric name ("Metric Name" / metricName) from the loaded entry with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_metric.metric_name_seen_at IS
    'conversation_start (UTC) of the record metric_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_metric.metric_id_is_name IS
    'true when metric_id holds the metric name because every loaded entry with this key came without an id; false when it is a real vendor id (rows loaded before migration 0006 keep the value the per-batch rule gave them).';
COMMENT ON TABLE dim_agent IS
    'One row per agent (Agents[] / agents[] entries of the raw data API). Join bridge_conversation_agent on agent_key. Name and email are those of the loaded record with the latest conversation_start that carried them.';
COMMENT ON TABLE dim_queue IS
    'One row per queue (Queues[] / queues[] entries of the raw data API). Join bridge_conversation_queue on queue_key. The name is that of the loaded record with the latest conversation_start that carried one.';

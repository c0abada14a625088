-- 0006_dimension_value_times.sql: each current dimension attribute remembers the conversation start
-- of the record it came from, so the value a load keeps does not depend on the order batches
-- commit in or on how a run was split by a crash and its rerun.
--
-- A batch's value replaces the stored one when it comes from a conversation that started at the
-- same time or later (a record without a start time counts as the earliest). Before this
-- migration the loader compared against last_seen_at, the newest conversation with the key at
-- all, so a record without an email that committed first could keep an older, earlier-committed
-- email out. Existing rows take last_seen_at: the best the old rule knew.
--
-- metric_id_is_name becomes true only when every loaded entry with that natural key came without
-- an id (it could turn true when one batch happened to hold only id-less entries).
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
    'Agent display name ("Agent Name" / agentName) from the loaded record with the latest conversation_start that carried one (ties: the later load); NULL if never sent.';
COMMENT ON COLUMN dim_agent.agent_email IS
    'Agent email ("Agent Email" / agentEmail) from the loaded record with the latest conversation_start that carried one (ties: the later load); NULL if never sent.';
COMMENT ON COLUMN dim_agent.agent_name_seen_at IS
    'conversation_start (UTC) of the record agent_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_agent.agent_email_seen_at IS
    'conversation_start (UTC) of the record agent_email came from; NULL when that record had no start time or no email was ever sent.';
COMMENT ON COLUMN dim_queue.queue_name IS
    'Queue display name ("Queue Name" / queueName) from the loaded record with the latest conversation_start that carried one (ties: the later load); NULL if never sent.';
COMMENT ON COLUMN dim_queue.queue_name_seen_at IS
    'conversation_start (UTC) of the record queue_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_metric.metric_name IS
    'Metric name ("Metric Name" / metricName) from the loaded entry with the latest conversation_start that carried one (ties: the later load); NULL if never sent.';
COMMENT ON COLUMN dim_metric.metric_name_seen_at IS
    'conversation_start (UTC) of the record metric_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_metric.metric_id_is_name IS
    'true when metric_id holds the metric name because every loaded entry with this key came without an id; false when it is a real vendor id.';

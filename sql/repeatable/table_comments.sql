-- table_comments.sql: what every table and column of the warehouse holds, as the database shows
-- it to SQL users (psql \d+, DBeaver, Grafana's query editor).
--
-- A repeatable file, re-run by `qai-loader migrate` when its text changes (see
-- views_conversation.sql for the rules): a comment is corrected here, in place. This file is the
-- current text of every table and column comment; the comments in the numbered migrations are
-- what those migrations wrote at the time (0006, for one, replaced several of 0001's). A new table
-- or column gets its comments in its migration and here.

COMMENT ON TABLE dim_agent IS
    'One row per agent (Agents[] / agents[] entries of the raw data API). Join bridge_conversation_agent on agent_key. Name and email are those of the loaded record with the latest conversation_start that carried them.';
COMMENT ON COLUMN dim_agent.agent_key IS 'Surrogate key assigned by the warehouse; stable for the life of the warehouse. Use it in joins, not in reports.';
COMMENT ON COLUMN dim_agent.agent_id IS 'Vendor agent id ("Agent ID" / agentId), the natural key.';
COMMENT ON COLUMN dim_agent.agent_name IS 'Agent display name ("Agent Name" / agentName) from the loaded record with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_agent.agent_email IS 'Agent email ("Agent Email" / agentEmail) from the loaded record with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_agent.first_seen_at IS 'Earliest conversation_start (UTC) among loaded conversations with this agent; NULL when none of them had a start time.';
COMMENT ON COLUMN dim_agent.last_seen_at IS 'Latest conversation_start (UTC) among loaded conversations with this agent; NULL when none of them had a start time.';
COMMENT ON COLUMN dim_agent.agent_name_seen_at IS 'conversation_start (UTC) of the record agent_name came from; NULL when that record had no start time or no name was ever sent.';
COMMENT ON COLUMN dim_agent.agent_email_seen_at IS 'conversation_start (UTC) of the record agent_email came from; NULL when that record had no start time or no email was ever sent.';

COMMENT ON TABLE dim_queue IS
    'One row per queue (Queues[] / queues[] entries of the raw data API). Join bridge_conversation_queue on queue_key. The name is that of the loaded record with the latest conversation_start that carried one.';
COMMENT ON COLUMN dim_queue.queue_key IS 'Surrogate key assigned by the warehouse; stable for the life of the warehouse. Use it in joins, not in reports.';
COMMENT ON COLUMN dim_queue.queue_id IS 'Vendor queue id ("Queue ID" / queueId), the natural key.';
COMMENT ON COLUMN dim_queue.queue_name IS 'Queue display name ("Queue Name" / queueName) from the loaded record with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_queue.first_seen_at IS 'Earliest conversation_start (UTC) among loaded conversations in this queue; NULL when none of them had a start time.';
COMMENT ON COLUMN dim_queue.last_seen_at IS 'Latest conversation_start (UTC) among loaded conversations in this queue; NULL when none of them had a start time.';
COMMENT ON COLUMN dim_queue.queue_name_seen_at IS 'conversation_start (UTC) of the record queue_name came from; NULL when that record had no start time or no name was ever sent.';

COMMENT ON TABLE dim_intent IS
    'One row per intent: AI-generated intents (generatedIntents / "Generated Intents") and configured taxonomy topics (configuredIntents / "Configured_Intents", L1-L3). Natural key (source, intent_l1, intent_l2, intent_l3). Join fact_conversation_intent on intent_key.';
COMMENT ON COLUMN dim_intent.intent_key IS 'Surrogate key assigned by the warehouse; stable for the life of the warehouse.';
COMMENT ON COLUMN dim_intent.source IS '''generated'' for an AI-detected intent, ''configured'' for a topic of the configured L1-L3 taxonomy.';
COMMENT ON COLUMN dim_intent.intent_l1 IS 'Configured: the L1 topic name. Generated: the intent name (intent / topic / name). Never NULL; '''' when absent.';
COMMENT ON COLUMN dim_intent.intent_l2 IS 'Configured: the L2 topic name, '''' when the intent stops at L1. Generated: always ''''.';
COMMENT ON COLUMN dim_intent.intent_l3 IS 'Configured: the L3 topic name, '''' when the intent stops at L1 or L2. Generated: always ''''.';
COMMENT ON COLUMN dim_intent.intent_name IS 'Display name: ''L1 > L2 > L3'' (levels present only) for configured topics, the intent name for generated ones.';
COMMENT ON COLUMN dim_intent.first_seen_at IS 'Earliest conversation_start (UTC) among loaded conversations with this intent; NULL when none of them had a start time.';

COMMENT ON TABLE dim_metric IS
    'One row per evaluation metric (Metrics[] / metrics[] entries). Join fact_metric on metric_key. Entries without a metric id are keyed by their name (see metric_id_is_name).';
COMMENT ON COLUMN dim_metric.metric_key IS 'Surrogate key assigned by the warehouse; stable for the life of the warehouse.';
COMMENT ON COLUMN dim_metric.metric_id IS 'Natural key: the vendor metric id ("Metric ID" / metricId), or the metric name when the entry had no id (then metric_id_is_name is true).';
COMMENT ON COLUMN dim_metric.metric_id_is_name IS 'true when metric_id holds the metric name because every loaded entry with this key came without an id; false when it is a real vendor id (rows loaded before migration 0006 keep the value the per-batch rule gave them).';
COMMENT ON COLUMN dim_metric.metric_name IS 'Metric name ("Metric Name" / metricName) from the loaded entry with the latest conversation_start that carried one (same start: the greatest value within a batch, the later load across batches); NULL if never sent.';
COMMENT ON COLUMN dim_metric.first_seen_at IS 'Earliest conversation_start (UTC) among loaded conversations evaluated on this metric; NULL when none of them had a start time.';
COMMENT ON COLUMN dim_metric.last_seen_at IS 'Latest conversation_start (UTC) among loaded conversations evaluated on this metric; NULL when none of them had a start time.';
COMMENT ON COLUMN dim_metric.metric_name_seen_at IS 'conversation_start (UTC) of the record metric_name came from; NULL when that record had no start time or no name was ever sent.';

COMMENT ON TABLE fact_conversation IS
    'One row per conversation (interaction) returned by the Quality AI raw data API, with its AutoQA evaluation, audit state and sentiment. Agents, queues, metrics, intents and voice analytics are in the tables keyed by conversation_id. The record as received is in raw.';
COMMENT ON COLUMN fact_conversation.conversation_id IS 'Vendor conversation id (conversationId / "Conversation ID"). Primary key and Citus distribution column.';
COMMENT ON COLUMN fact_conversation.stream_id IS 'Stream (bot/app) id the record was fetched from: the {streamId} of the API path.';
COMMENT ON COLUMN fact_conversation.custom_conversation_id IS 'External conversation id set at ingestion (customConversationId); NULL when not set.';
COMMENT ON COLUMN fact_conversation.conversation_start IS 'Conversation start (conversationStartTime / "Conversation Start Time"), UTC; NULL when the API sent none.';
COMMENT ON COLUMN fact_conversation.conversation_end IS 'Conversation end (conversationEndTime / "Conversation End Time"), UTC; NULL when the API sent none.';
COMMENT ON COLUMN fact_conversation.duration_ms IS 'Duration in milliseconds (duration / "Duration", a number or text such as ''99000 milliseconds''); NULL when absent or unreadable.';
COMMENT ON COLUMN fact_conversation.contact_direction IS 'Resolved direction (contact_direction / contactDirection), as sent: usually ''inbound'' or ''outbound''; NULL when absent.';
COMMENT ON COLUMN fact_conversation.is_direction_defaulted IS 'is_direction_defaulted: true when the platform inferred the direction, false when it was given at ingestion; NULL when absent.';
COMMENT ON COLUMN fact_conversation.duration_status IS 'Evaluation eligibility (duration_status), as sent: ''evaluated'', ''below_threshold'', ''duration_unavailable''; NULL for contacts ingested before the threshold feature existed.';
COMMENT ON COLUMN fact_conversation.language IS 'Conversation language (language / Language), as sent, e.g. ''English''.';
COMMENT ON COLUMN fact_conversation.kore_evaluation_score IS 'AutoQA score from koreEvaluationScore / koreEvalutionScore (sic) / "Kore Evaluation Score": -100..100, 0 on a fatal error. NULL when not evaluated (null, below threshold, or ''NA'').';
COMMENT ON COLUMN fact_conversation.pass_score IS 'Pass mark of the evaluation form ("Pass Score"); NULL when absent.';
COMMENT ON COLUMN fact_conversation.is_passed IS 'Whether the conversation passed its evaluation (IsPassed); NULL when absent.';
COMMENT ON COLUMN fact_conversation.evaluation_form_name IS 'Evaluation form used ("Evaluation Form Name"); NULL when absent.';
COMMENT ON COLUMN fact_conversation.fatal_error_count IS 'Number of fatal errors detected (fatalErrorCount / "Fatal Errors"); NULL when absent.';
COMMENT ON COLUMN fact_conversation.audit_status IS 'Latest audit workflow status (AuditStatus / auditStatus / "Audit Status"): ''Audited'', ''Assigned'' or ''Not Assigned'' (the older spelling ''Unassigned'' is stored as ''Not Assigned''; raw keeps what was sent); NULL when absent. Earlier values are in fact_audit_history.';
COMMENT ON COLUMN fact_conversation.audit_score IS 'Latest manual audit score (AuditScore / auditScore / "Audit Score"); the API sends it only once an audit is completed, otherwise NULL.';
COMMENT ON COLUMN fact_conversation.audit_date IS 'Latest audit completion time (audit_date / "Audit Date"), UTC; NULL until audited.';
COMMENT ON COLUMN fact_conversation.auditor IS 'Latest auditor name (auditor / "Auditor Name"); NULL until assigned or audited.';
COMMENT ON COLUMN fact_conversation.sentiment IS 'Overall sentiment classification (sentiment), as sent, e.g. ''positive'', ''neutral''; NULL when absent.';
COMMENT ON COLUMN fact_conversation.sentiment_score IS 'Overall sentiment score (sentimentScore); NULL when unavailable.';
COMMENT ON COLUMN fact_conversation.sentiment_positive IS 'Share of positive sentiment in percent, 0-100 (sentimentRatio.positive / "Sentiment Ratio"); NULL when absent.';
COMMENT ON COLUMN fact_conversation.sentiment_neutral IS 'Share of neutral sentiment in percent, 0-100 (sentimentRatio.neutral / "Sentiment Ratio"); NULL when absent.';
COMMENT ON COLUMN fact_conversation.sentiment_negative IS 'Share of negative sentiment in percent, 0-100 (sentimentRatio.negative / "Sentiment Ratio"); NULL when absent.';
COMMENT ON COLUMN fact_conversation.sentiment_start IS 'Sentiment at the start of the conversation (sentimentPattern.start / "Sentiment Pattern"), as sent; NULL when absent.';
COMMENT ON COLUMN fact_conversation.sentiment_end IS 'Sentiment at the end of the conversation (sentimentPattern.end / "Sentiment Pattern"), as sent; NULL when absent.';
COMMENT ON COLUMN fact_conversation.is_churn_risk_observed IS 'Churn risk flag (IsChurnRiskObserved); NULL when absent.';
COMMENT ON COLUMN fact_conversation.is_escalation_observed IS 'Escalation flag (IsEscalationObserved); NULL when absent.';
COMMENT ON COLUMN fact_conversation.taxonomy_resolution IS 'Taxonomy resolution ("Taxonomy Resolution") kept as text because the API sends a boolean or strings such as ''false'', ''YES'', ''NA''; booleans appear as ''true''/''false''. NULL when absent.';
COMMENT ON COLUMN fact_conversation.custom_fields IS 'Business metadata (custom_fields): a JSON object of string keys to string values, e.g. custom_fields->>''region''. NULL when absent.';
COMMENT ON COLUMN fact_conversation.agent_recordings IS 'Agent-channel recording URLs (agentRecordings), in API order; NULL when there is no recording.';
COMMENT ON COLUMN fact_conversation.customer_recordings IS 'Customer-channel recording URLs (customerRecordings), in API order; NULL when there is no recording.';
COMMENT ON COLUMN fact_conversation.raw IS 'The record as received from the API (original key spellings, including fields the warehouse does not map). Stored as jsonb: key order and duplicate keys are not preserved.';
COMMENT ON COLUMN fact_conversation.content_hash IS 'bytea: digest of the record computed by the loader. A re-load with the same digest leaves the row untouched. Internal; not meaningful across loader versions.';
COMMENT ON COLUMN fact_conversation.first_loaded_at IS 'When the loader first inserted this conversation (UTC).';
COMMENT ON COLUMN fact_conversation.updated_at IS 'When the loader last changed this row because the record''s content changed (UTC); equals first_loaded_at until then.';
COMMENT ON COLUMN fact_conversation.last_run_id IS 'etl_run.run_id of the run that last inserted or changed this row (no foreign key, so the table can be distributed on Citus).';
COMMENT ON COLUMN fact_conversation.api_window_start IS 'First second (UTC) of the API time window (slice) the record was last written from; the API filters by conversation date, so this places a conversation whose record has no start time. NULL for rows last written before migration 0007.';

COMMENT ON TABLE fact_metric IS
    'One row per metric entry of a conversation (Metrics[] / metrics[]). Every entry is kept, including a metric listed twice and entries without an id. Rows of a conversation are replaced whenever its record changes.';
COMMENT ON COLUMN fact_metric.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN fact_metric.metric_ordinal IS '1-based position of the entry in the record''s metric list.';
COMMENT ON COLUMN fact_metric.metric_key IS 'The metric (dim_metric.metric_key). Always present in dim_metric (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN fact_metric.metric_weight IS 'Positive weight of the metric ("Metric Weight" / metricWeight); NULL when absent.';
COMMENT ON COLUMN fact_metric.metric_negative_weight IS 'Negative weight of the metric ("Metric Negative Weight" / metricNegativeWeight; the vendor defaults it to 0); NULL when absent.';
COMMENT ON COLUMN fact_metric.qualification IS 'Result (Qualification / qualification) verbatim: ''YES'', ''NO'', ''NA'' or ''-''. NULL when the entry has no qualification (e.g. not evaluated).';
COMMENT ON COLUMN fact_metric.is_fatal_error IS 'isFatalError: true for a fatal metric (a failed fatal metric sets the score to 0); NULL when absent.';
COMMENT ON COLUMN fact_metric.auditor_response IS 'Auditor''s answer for this metric ("Auditor Response"); NULL when absent.';
COMMENT ON COLUMN fact_metric.justification IS 'justification[] as sent: items {message_id[], timestamp[]} (epoch ms) or {sourceSystemValue, agentMentionedValue}; NULL when absent.';
COMMENT ON COLUMN fact_metric.trigger_justification IS 'triggerJustification[] as sent; NULL when absent.';

COMMENT ON TABLE bridge_conversation_agent IS
    'Agents who took part in each conversation (Agents[] / agents[]); a conversation can have several. An agent listed twice in one record appears once (its first entry). Rows of a conversation are replaced whenever its record changes.';
COMMENT ON COLUMN bridge_conversation_agent.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN bridge_conversation_agent.agent_key IS 'The agent (dim_agent.agent_key). Always present in dim_agent (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN bridge_conversation_agent.agent_ordinal IS '1-based position of the agent in the record''s agent list (1 = first listed).';
COMMENT ON COLUMN bridge_conversation_agent.empathy_score IS 'Agent empathy score in this conversation ("Empathy Score"); NULL when absent.';
COMMENT ON COLUMN bridge_conversation_agent.agent_start_time IS 'When the agent joined the conversation ("Agent Start Time"), UTC; NULL when absent.';

COMMENT ON TABLE bridge_conversation_queue IS
    'Queues each conversation went through (Queues[] / queues[]); a conversation can have several. A queue listed twice in one record appears once (its first entry). Rows of a conversation are replaced whenever its record changes.';
COMMENT ON COLUMN bridge_conversation_queue.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN bridge_conversation_queue.queue_key IS 'The queue (dim_queue.queue_key). Always present in dim_queue (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN bridge_conversation_queue.queue_ordinal IS '1-based position of the queue in the record''s queue list (1 = first listed).';

COMMENT ON TABLE fact_conversation_intent IS
    'Intents detected in each conversation: generated intents and configured taxonomy topics (one row per L1, L1 > L2 or L1 > L2 > L3 topic the record names). An intent named twice in one record appears once (its first entry). Rows of a conversation are replaced whenever its record changes.';
COMMENT ON COLUMN fact_conversation_intent.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN fact_conversation_intent.intent_key IS 'The intent (dim_intent.intent_key). Always present in dim_intent (the loader inserts the dimension row first, in the same transaction); not a declared foreign key, so concurrent loads do not lock dimension rows.';
COMMENT ON COLUMN fact_conversation_intent.confidence IS 'Detection confidence as sent (confidence / confidence_score of the deepest level named); NULL when absent.';
COMMENT ON COLUMN fact_conversation_intent.sentiment IS 'Sentiment of this intent (Sentiment / sentiment), as sent; NULL when absent.';
COMMENT ON COLUMN fact_conversation_intent.sentiment_score IS 'Sentiment score of this intent ("Sentiment Score"); NULL when absent.';
COMMENT ON COLUMN fact_conversation_intent.resolution IS 'Resolution of this intent (resolution), as sent; NULL when absent.';
COMMENT ON COLUMN fact_conversation_intent.keywords IS 'Keywords of a generated intent (keywords), in API order; NULL when absent.';

COMMENT ON TABLE fact_voice_analytics IS
    'Voice analytics entries of each conversation: speaking rate (speakingRate / "Speaking Rate", kind ''speaking_rate'') and emotions ("Customer emotions", "Agent emotions", emotions / Emotions, kind ''emotion''). Columns that do not apply to a kind are NULL. Rows of a conversation are replaced whenever its record changes.';
COMMENT ON COLUMN fact_voice_analytics.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN fact_voice_analytics.kind IS '''speaking_rate'' or ''emotion'': which list of the record the entry comes from.';
COMMENT ON COLUMN fact_voice_analytics.ordinal IS '1-based position among the conversation''s entries of this kind, in the order the record lists them (customer emotions before agent emotions when sent as separate lists).';
COMMENT ON COLUMN fact_voice_analytics.speaker IS 'Who spoke, as sent: ''agent'' or ''customer'' (speaking rate: source; emotion: the list it came from or the entry''s own field). NULL when unknown.';
COMMENT ON COLUMN fact_voice_analytics.speaker_id IS 'Speaking rate: the speaker''s id (sourceId). NULL for emotions and when absent.';
COMMENT ON COLUMN fact_voice_analytics.words IS 'Speaking rate: number of words spoken (nWords). NULL for emotions.';
COMMENT ON COLUMN fact_voice_analytics.time_taken_ms IS 'Speaking rate: speaking time (timeTaken) in milliseconds. NULL for emotions.';
COMMENT ON COLUMN fact_voice_analytics.average IS 'Speaking rate: the vendor''s average rate (average), as sent. NULL for emotions.';
COMMENT ON COLUMN fact_voice_analytics.score IS 'Speaking rate: the vendor''s speaking-rate score (score), as sent. NULL for emotions.';
COMMENT ON COLUMN fact_voice_analytics.emotion IS 'Emotion: the emotion label (emotion), as sent. NULL for speaking rate.';
COMMENT ON COLUMN fact_voice_analytics.duration IS 'Emotion: how long the emotion was expressed (duration), as sent; the vendor does not document the unit. NULL for speaking rate.';
COMMENT ON COLUMN fact_voice_analytics.proportion IS 'Emotion: share of the conversation with this emotion (proportion), as sent. NULL for speaking rate.';

COMMENT ON TABLE fact_audit_history IS
    'Audit state of a conversation each time the loader saw it change (a first load counts as a change). Append-only; fact_conversation holds the latest state. Audits usually complete days after the conversation and are picked up by the nightly lookback re-sweep.';
COMMENT ON COLUMN fact_audit_history.conversation_id IS 'The conversation (fact_conversation.conversation_id).';
COMMENT ON COLUMN fact_audit_history.observed_at IS 'When the loader observed this audit state (UTC), i.e. the load time, not the audit time (see audit_date).';
COMMENT ON COLUMN fact_audit_history.audit_status IS 'Audit status observed (AuditStatus / auditStatus / "Audit Status"), with ''Unassigned'' stored as ''Not Assigned''; NULL when absent.';
COMMENT ON COLUMN fact_audit_history.audit_score IS 'Audit score observed (AuditScore / auditScore / "Audit Score"); NULL when not yet audited.';
COMMENT ON COLUMN fact_audit_history.audit_date IS 'Audit completion time observed (audit_date / "Audit Date"), UTC; NULL when not yet audited.';
COMMENT ON COLUMN fact_audit_history.auditor IS 'Auditor observed (auditor / "Auditor Name"); NULL when none.';
COMMENT ON COLUMN fact_audit_history.run_id IS 'etl_run.run_id of the run that observed the state (no foreign key, so the table can be distributed on Citus).';

COMMENT ON TABLE etl_run IS
    'One row per qai-loader run (sync, backfill, demo): what it was asked to do, what it did and how it ended. Start here when a dashboard looks stale.';
COMMENT ON COLUMN etl_run.run_id IS 'Run number, increasing; referenced by etl_slice, etl_rejected, fact_conversation.last_run_id and fact_audit_history.run_id.';
COMMENT ON COLUMN etl_run.command IS 'The qai-loader command that ran: ''sync'', ''backfill'', ''verify'', ''repair'' (the reload of verify --repair), ''stream rewind'' or ''stream forget''. The demo records its runs as ''backfill'' and ''sync''.';
COMMENT ON COLUMN etl_run.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN etl_run.finished_at IS 'When the run ended (UTC); NULL while running or when the process died without recording its end.';
COMMENT ON COLUMN etl_run.status IS '''running'', ''succeeded'', ''failed'' (stopped by an error, see error) or ''partial'' (finished, but some slices failed). A ''running'' row of a dead process stays ''running''.';
COMMENT ON COLUMN etl_run.options IS 'Effective options of the run (range, streams, lookback, rate budget, ...) as JSON. Never contains secrets (JWT, client secret, database password).';
COMMENT ON COLUMN etl_run.counts IS 'Per-stream counts as JSON, keyed by stream id, with the same counters as the columns below.';
COMMENT ON COLUMN etl_run.fetched IS 'Conversation records received from the API, all streams.';
COMMENT ON COLUMN etl_run.inserted IS 'Conversations new to the warehouse.';
COMMENT ON COLUMN etl_run.updated IS 'Conversations whose content changed and were rewritten.';
COMMENT ON COLUMN etl_run.unchanged IS 'Conversations received again with identical content (not rewritten).';
COMMENT ON COLUMN etl_run.rejected IS 'Records quarantined in etl_rejected.';
COMMENT ON COLUMN etl_run.requests IS 'HTTP requests sent to the API, retries included.';
COMMENT ON COLUMN etl_run.retries IS 'Requests that were retries of a failed or rate-limited request.';
COMMENT ON COLUMN etl_run.rate_limited IS 'Responses that signalled the vendor rate limit (HTTP 429 or the rate-limit message).';
COMMENT ON COLUMN etl_run.error IS 'Why the run failed or was partial (never contains secrets); NULL otherwise.';
COMMENT ON COLUMN etl_run.host IS 'Host name of the machine that ran the loader.';
COMMENT ON COLUMN etl_run.pid IS 'Operating-system process id of the loader on that host.';
COMMENT ON COLUMN etl_run.loader_version IS 'qai-loader version that ran.';
COMMENT ON COLUMN etl_run.lock_retries IS 'Database transactions (batches, the rollup refresh) rolled back and retried because a lock was not granted within the lock timeout (55P03), a deadlock (40P01) or a serialization failure (40001). Non-zero means another session, often an analyst''s long transaction on a fact table, held a conflicting lock.';
COMMENT ON COLUMN etl_run.type_drift IS 'Type drift of the run: {"field": count} of values present in a record but not readable as their field''s type (e.g. koreEvaluationScore sent as "abc" or as a list, metrics.metricWeight as an object, a number too large for its column), keyed by the decoder''s field label, all streams, records of committed slices. Such a value loads as NULL (the record''s raw keeps it), or with --strict-types the whole record is quarantined in etl_rejected. The vendor''s "no value" markers (null, "", "NA", "N/A", "-") become NULL on purpose and are not counted. {} when there was none.';
COMMENT ON COLUMN etl_run.type_drift_total IS 'Sum of the counts in type_drift: values of the run not readable as their type.';

COMMENT ON TABLE etl_slice IS
    'Checkpoints and coverage: one row per stream and time window (slice) the loader fetched. A slice''s row is written in the same transaction as its data, so a ''done'' slice is fully loaded; the union of a stream''s done slices is its coverage (qai-loader status lists the gaps). A re-sweep of the same window updates the row.';
COMMENT ON COLUMN etl_slice.stream_id IS 'Stream (bot/app) id the slice was fetched for.';
COMMENT ON COLUMN etl_slice.window_start IS 'First second of the window (UTC), the API''s startDate.';
COMMENT ON COLUMN etl_slice.window_end IS 'Last second of the window (UTC), inclusive, the API''s endDate. The next window starts one second later.';
COMMENT ON COLUMN etl_slice.status IS 'Loader state of the slice: ''done'' once its data committed; other values mark slices that failed or were interrupted.';
COMMENT ON COLUMN etl_slice.run_id IS 'etl_run.run_id of the run that last fetched the slice; NULL if that run was purged.';
COMMENT ON COLUMN etl_slice.fetched IS 'Conversation records received for the slice (after removing duplicates within the slice).';
COMMENT ON COLUMN etl_slice.rejected IS 'Records of the slice quarantined in etl_rejected.';
COMMENT ON COLUMN etl_slice.requests IS 'HTTP requests spent on the slice, retries included.';
COMMENT ON COLUMN etl_slice.completed_at IS 'When the slice was last completed, by the loader''s clock (UTC); NULL if it never completed. The lookback re-sweep reads it to know when each day was last fetched.';
COMMENT ON COLUMN etl_slice.reason IS 'Why the slice was last fetched: ''newData'' (sync, past the watermark), ''backfill'', ''gap'' (sync --fill-gaps), ''repair'' (verify --repair), or ''lookback:<why>'' for the re-sweep, where <why> is ''uniform'', ''leaving'' (its last night in the lookback window), ''overdue'' (not swept for the longest allowed interval) or ''likely'' (enough of its expected audit changes since its last sweep). NULL for slices loaded before migration 0007.';

COMMENT ON TABLE etl_watermark IS
    'Sync position per stream: how far new data has been loaded, and where the lookback re-sweep for late audits stands.';
COMMENT ON COLUMN etl_watermark.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN etl_watermark.watermark IS 'Conversations up to this time (UTC, exclusive) have been loaded without gaps; the next sync continues from here.';
COMMENT ON COLUMN etl_watermark.lookback_cursor IS 'Where the lookback re-sweep of already loaded windows will resume (UTC); NULL when no re-sweep is in progress.';
COMMENT ON COLUMN etl_watermark.updated_at IS 'When the loader last moved this position (UTC).';

COMMENT ON TABLE etl_rejected IS
    'Quarantine: records the loader could not use (e.g. no conversation id), kept with the reason instead of being dropped silently.';
COMMENT ON COLUMN etl_rejected.rejected_id IS 'Row number, increasing.';
COMMENT ON COLUMN etl_rejected.run_id IS 'etl_run.run_id of the run that rejected the record.';
COMMENT ON COLUMN etl_rejected.stream_id IS 'Stream (bot/app) id of the request that returned the record.';
COMMENT ON COLUMN etl_rejected.window_start IS 'Start of the requested window (UTC), as in etl_slice.window_start.';
COMMENT ON COLUMN etl_rejected.window_end IS 'End of the requested window (UTC, inclusive), as in etl_slice.window_end.';
COMMENT ON COLUMN etl_rejected.page IS '1-based page number of the request that returned the record; NULL for a record quarantined by --strict-types (type drift), which is found by conversation_id.';
COMMENT ON COLUMN etl_rejected.record_index IS '0-based index of the record in that page''s results array (as in .results[N]); NULL when the whole page was unusable, or for a record quarantined by --strict-types.';
COMMENT ON COLUMN etl_rejected.conversation_id IS 'Conversation id if the record had a usable one; NULL otherwise.';
COMMENT ON COLUMN etl_rejected.reason IS 'Why the record was rejected, in words.';
COMMENT ON COLUMN etl_rejected.raw IS E'The record (or page) as received, as text: it may not be valid JSON, or contain values jsonb refuses such as \\u0000. NULL when nothing could be kept.';
COMMENT ON COLUMN etl_rejected.rejected_at IS 'When the record was rejected (UTC).';

COMMENT ON TABLE rollup_daily_stream IS
    'Derived: conversations per UTC day of conversation_start and stream, with score and audit totals. Rebuilt per day by refresh_rollups(); read it through v_daily_quality.';
COMMENT ON COLUMN rollup_daily_stream.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_stream.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_stream.conversations IS 'Conversations that started that day.';
COMMENT ON COLUMN rollup_daily_stream.evaluated IS 'Of those, conversations with an AutoQA score (kore_evaluation_score not NULL).';
COMMENT ON COLUMN rollup_daily_stream.evaluation_score_sum IS 'Sum of kore_evaluation_score over the evaluated conversations.';
COMMENT ON COLUMN rollup_daily_stream.pass_known IS 'Conversations whose is_passed is known (not NULL).';
COMMENT ON COLUMN rollup_daily_stream.passed IS 'Conversations with is_passed true.';
COMMENT ON COLUMN rollup_daily_stream.below_threshold IS 'Conversations with duration_status ''below_threshold''.';
COMMENT ON COLUMN rollup_daily_stream.fatal_error_conversations IS 'Conversations with fatal_error_count > 0.';
COMMENT ON COLUMN rollup_daily_stream.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN rollup_daily_stream.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN rollup_daily_stream.audit_scored IS 'Conversations with an audit score.';
COMMENT ON COLUMN rollup_daily_stream.audit_score_sum IS 'Sum of audit_score over the conversations with one.';
COMMENT ON COLUMN rollup_daily_stream.assigned IS 'Conversations whose latest audit status is ''Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.not_assigned IS 'Conversations whose latest audit status is ''Not Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.assigned_evaluated IS 'Conversations with an AutoQA score whose latest audit status is ''Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.not_assigned_evaluated IS 'Conversations with an AutoQA score whose latest audit status is ''Not Assigned''.';
COMMENT ON COLUMN rollup_daily_stream.churn_risk IS 'Conversations with is_churn_risk_observed true.';
COMMENT ON COLUMN rollup_daily_stream.escalations IS 'Conversations with is_escalation_observed true.';
COMMENT ON COLUMN rollup_daily_stream.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_agent IS
    'Derived: conversations per UTC day, stream and agent (a conversation with two agents counts for each). Rebuilt per day by refresh_rollups(); read it through v_daily_agent.';
COMMENT ON COLUMN rollup_daily_agent.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_agent.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_agent.agent_key IS 'The agent (dim_agent.agent_key).';
COMMENT ON COLUMN rollup_daily_agent.conversations IS 'Conversations of the agent that started that day.';
COMMENT ON COLUMN rollup_daily_agent.evaluated IS 'Of those, conversations with an AutoQA score.';
COMMENT ON COLUMN rollup_daily_agent.evaluation_score_sum IS 'Sum of kore_evaluation_score over the evaluated conversations.';
COMMENT ON COLUMN rollup_daily_agent.pass_known IS 'Conversations whose is_passed is known.';
COMMENT ON COLUMN rollup_daily_agent.passed IS 'Conversations with is_passed true.';
COMMENT ON COLUMN rollup_daily_agent.below_threshold IS 'Conversations with duration_status ''below_threshold''.';
COMMENT ON COLUMN rollup_daily_agent.fatal_error_conversations IS 'Conversations with fatal_error_count > 0.';
COMMENT ON COLUMN rollup_daily_agent.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN rollup_daily_agent.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN rollup_daily_agent.audit_scored IS 'Conversations with an audit score.';
COMMENT ON COLUMN rollup_daily_agent.audit_score_sum IS 'Sum of audit_score over the conversations with one.';
COMMENT ON COLUMN rollup_daily_agent.empathy_scored IS 'Conversations with an empathy score for this agent.';
COMMENT ON COLUMN rollup_daily_agent.empathy_score_sum IS 'Sum of the agent''s empathy_score over those conversations.';
COMMENT ON COLUMN rollup_daily_agent.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_queue IS
    'Derived: conversations per UTC day, stream and queue (a conversation in two queues counts for each). Rebuilt per day by refresh_rollups(); read it through v_daily_queue.';
COMMENT ON COLUMN rollup_daily_queue.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_queue.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_queue.queue_key IS 'The queue (dim_queue.queue_key).';
COMMENT ON COLUMN rollup_daily_queue.conversations IS 'Conversations in the queue that started that day.';
COMMENT ON COLUMN rollup_daily_queue.evaluated IS 'Of those, conversations with an AutoQA score.';
COMMENT ON COLUMN rollup_daily_queue.evaluation_score_sum IS 'Sum of kore_evaluation_score over the evaluated conversations.';
COMMENT ON COLUMN rollup_daily_queue.pass_known IS 'Conversations whose is_passed is known.';
COMMENT ON COLUMN rollup_daily_queue.passed IS 'Conversations with is_passed true.';
COMMENT ON COLUMN rollup_daily_queue.below_threshold IS 'Conversations with duration_status ''below_threshold''.';
COMMENT ON COLUMN rollup_daily_queue.fatal_error_conversations IS 'Conversations with fatal_error_count > 0.';
COMMENT ON COLUMN rollup_daily_queue.fatal_errors IS 'Sum of fatal_error_count.';
COMMENT ON COLUMN rollup_daily_queue.audited IS 'Conversations whose latest audit status is ''Audited''.';
COMMENT ON COLUMN rollup_daily_queue.audit_scored IS 'Conversations with an audit score.';
COMMENT ON COLUMN rollup_daily_queue.audit_score_sum IS 'Sum of audit_score over the conversations with one.';
COMMENT ON COLUMN rollup_daily_queue.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_metric IS
    'Derived: metric results per UTC day of conversation_start, stream and metric. Rebuilt per day by refresh_rollups(); read it through v_daily_metric.';
COMMENT ON COLUMN rollup_daily_metric.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_metric.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_metric.metric_key IS 'The metric (dim_metric.metric_key).';
COMMENT ON COLUMN rollup_daily_metric.results IS 'Metric entries (fact_metric rows) of conversations that started that day.';
COMMENT ON COLUMN rollup_daily_metric.conversations IS 'Distinct conversations with at least one entry of the metric.';
COMMENT ON COLUMN rollup_daily_metric.passed IS 'Entries with qualification YES.';
COMMENT ON COLUMN rollup_daily_metric.failed IS 'Entries with qualification NO.';
COMMENT ON COLUMN rollup_daily_metric.not_applicable IS 'Entries with qualification NA or ''-''.';
COMMENT ON COLUMN rollup_daily_metric.unanswered IS 'Entries without a qualification (not evaluated, or a manual metric not yet answered).';
COMMENT ON COLUMN rollup_daily_metric.fatal_results IS 'Entries flagged as a fatal metric (is_fatal_error).';
COMMENT ON COLUMN rollup_daily_metric.fatal_failures IS 'Fatal entries with qualification NO: fatal errors.';
COMMENT ON COLUMN rollup_daily_metric.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_agent_metric IS
    'Derived: metric results per UTC day of conversation_start, stream, agent and metric (a conversation with two agents counts for each), for agent scorecards. Rebuilt per day by refresh_rollups(); read it through v_daily_agent_metric.';
COMMENT ON COLUMN rollup_daily_agent_metric.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_agent_metric.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_agent_metric.agent_key IS 'The agent (dim_agent.agent_key).';
COMMENT ON COLUMN rollup_daily_agent_metric.metric_key IS 'The metric (dim_metric.metric_key).';
COMMENT ON COLUMN rollup_daily_agent_metric.results IS 'Metric entries of the agent''s conversations that started that day.';
COMMENT ON COLUMN rollup_daily_agent_metric.passed IS 'Entries with qualification YES.';
COMMENT ON COLUMN rollup_daily_agent_metric.failed IS 'Entries with qualification NO.';
COMMENT ON COLUMN rollup_daily_agent_metric.fatal_failures IS 'Fatal entries with qualification NO: fatal errors.';
COMMENT ON COLUMN rollup_daily_agent_metric.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_intent IS
    'Derived: conversations per UTC day of conversation_start, stream and intent, with the intent''s sentiment and resolution. Rebuilt per day by refresh_rollups(); read it through v_daily_intent.';
COMMENT ON COLUMN rollup_daily_intent.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_intent.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_intent.intent_key IS 'The intent (dim_intent.intent_key).';
COMMENT ON COLUMN rollup_daily_intent.conversations IS 'Conversations in which the intent was detected.';
COMMENT ON COLUMN rollup_daily_intent.positive IS 'Of those, with intent sentiment ''positive'' (any case).';
COMMENT ON COLUMN rollup_daily_intent.neutral IS 'Of those, with intent sentiment ''neutral'' (any case).';
COMMENT ON COLUMN rollup_daily_intent.negative IS 'Of those, with intent sentiment ''negative'' (any case).';
COMMENT ON COLUMN rollup_daily_intent.resolved IS 'Of those, with a resolution that reads as resolved (''true'', ''yes'', ''resolved'').';
COMMENT ON COLUMN rollup_daily_intent.resolution_known IS 'Of those, with any resolution value.';
COMMENT ON COLUMN rollup_daily_intent.confidence_count IS 'Of those, with a confidence value.';
COMMENT ON COLUMN rollup_daily_intent.confidence_sum IS 'Sum of confidence over those with one.';
COMMENT ON COLUMN rollup_daily_intent.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_sentiment IS
    'Derived: conversations per UTC day of conversation_start, stream and overall sentiment. Rebuilt per day by refresh_rollups(); read it through v_daily_sentiment.';
COMMENT ON COLUMN rollup_daily_sentiment.day IS 'UTC calendar day of conversation_start.';
COMMENT ON COLUMN rollup_daily_sentiment.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_sentiment.sentiment IS 'Overall sentiment in lower case (e.g. ''positive''), ''(none)'' when the conversation has none.';
COMMENT ON COLUMN rollup_daily_sentiment.conversations IS 'Conversations with this sentiment that started that day.';
COMMENT ON COLUMN rollup_daily_sentiment.sentiment_scored IS 'Of those, conversations with a sentiment score.';
COMMENT ON COLUMN rollup_daily_sentiment.sentiment_score_sum IS 'Sum of sentiment_score over those with one.';
COMMENT ON COLUMN rollup_daily_sentiment.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_daily_audit IS
    'Derived: completed audits per UTC day of audit_date, stream and auditor (the latest audit of each conversation with a start time). refresh_rollups() rebuilds the audit days its conversation days touch: their conversations'' current and earlier audit dates (from fact_audit_history). Read it through v_daily_audit.';
COMMENT ON COLUMN rollup_daily_audit.day IS 'UTC calendar day of audit_date (when the audit was completed).';
COMMENT ON COLUMN rollup_daily_audit.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN rollup_daily_audit.auditor IS 'Auditor of the latest audit; '''' when the API named none.';
COMMENT ON COLUMN rollup_daily_audit.audits IS 'Conversations whose latest audit status is ''Audited'' with an audit_date on that day.';
COMMENT ON COLUMN rollup_daily_audit.audit_scored IS 'Of those, audits with a score.';
COMMENT ON COLUMN rollup_daily_audit.audit_score_sum IS 'Sum of their audit scores.';
COMMENT ON COLUMN rollup_daily_audit.compared IS 'Of those, audits of evaluated conversations (both an audit and an AutoQA score).';
COMMENT ON COLUMN rollup_daily_audit.score_difference_sum IS 'Sum of audit_score minus kore_evaluation_score over the compared audits.';
COMMENT ON COLUMN rollup_daily_audit.hours_to_audit_sum IS 'Sum of hours from conversation_start to audit_date.';
COMMENT ON COLUMN rollup_daily_audit.after_7_days IS 'Audits completed more than 7 days after the conversation started.';
COMMENT ON COLUMN rollup_daily_audit.refreshed_at IS 'When refresh_rollups() last rebuilt this day (UTC).';

COMMENT ON TABLE rollup_pending_day IS
    'Days whose rollups are out of date: a load marks the days of the conversations it inserted or changed, in its own transaction, and refresh_rollups() removes the days it rebuilds. Empty when the rollups are current.';
COMMENT ON COLUMN rollup_pending_day.stream_id IS 'Stream whose load changed the day (rollups are rebuilt for all streams of the day).';
COMMENT ON COLUMN rollup_pending_day.day IS 'UTC calendar day of conversation_start whose rollups must be rebuilt.';
COMMENT ON COLUMN rollup_pending_day.marked_at IS 'When a load first marked the day (UTC).';

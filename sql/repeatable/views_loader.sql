-- views_loader.sql: the loader's own health, for the loader-health dashboard and SQL users.
--
-- A repeatable file, re-run by `qai-loader migrate` when its text changes (see
-- views_conversation.sql for the rules).

CREATE OR REPLACE VIEW v_loader_run AS
SELECT
    r.run_id,
    r.command,
    r.status,
    r.started_at,
    r.finished_at,
    round(extract(epoch FROM coalesce(r.finished_at, now()) - r.started_at)::numeric, 3) AS duration_seconds,
    r.fetched,
    r.inserted,
    r.updated,
    r.unchanged,
    r.rejected,
    r.requests,
    r.retries,
    r.rate_limited,
    round(r.fetched / nullif(extract(epoch FROM r.finished_at - r.started_at)::numeric, 0), 1)
        AS conversations_per_second,
    r.options ->> 'streams' AS streams,
    r.error,
    r.host,
    r.loader_version
FROM etl_run r;

COMMENT ON VIEW v_loader_run IS
    'Loader health: one row per qai-loader run with its outcome, duration, throughput and counters. Filter on started_at (indexed).';
COMMENT ON COLUMN v_loader_run.run_id IS 'Run number (etl_run.run_id).';
COMMENT ON COLUMN v_loader_run.command IS 'Command that ran: ''sync'', ''backfill'', ''verify'', ''repair'' (the reload of verify --repair), ''stream rewind'' or ''stream forget''. The demo records its runs as ''backfill'' and ''sync''.';
COMMENT ON COLUMN v_loader_run.status IS '''running'', ''succeeded'', ''failed'' or ''partial''.';
COMMENT ON COLUMN v_loader_run.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN v_loader_run.finished_at IS 'When the run ended (UTC); NULL while running or when the process died.';
COMMENT ON COLUMN v_loader_run.duration_seconds IS 'Seconds from start to end, or to now while the run has no end.';
COMMENT ON COLUMN v_loader_run.fetched IS 'Conversation records received from the API.';
COMMENT ON COLUMN v_loader_run.inserted IS 'Conversations new to the warehouse.';
COMMENT ON COLUMN v_loader_run.updated IS 'Conversations whose content changed and were rewritten.';
COMMENT ON COLUMN v_loader_run.unchanged IS 'Conversations received again unchanged (not rewritten).';
COMMENT ON COLUMN v_loader_run.rejected IS 'Records quarantined in etl_rejected.';
COMMENT ON COLUMN v_loader_run.requests IS 'HTTP requests sent, retries included.';
COMMENT ON COLUMN v_loader_run.retries IS 'Requests that were retries.';
COMMENT ON COLUMN v_loader_run.rate_limited IS 'Responses that signalled the vendor rate limit.';
COMMENT ON COLUMN v_loader_run.conversations_per_second IS 'fetched divided by the run''s duration, 1 decimal; NULL until the run ends.';
COMMENT ON COLUMN v_loader_run.streams IS 'Streams the run covered, comma-separated, from its options; NULL when not recorded.';
COMMENT ON COLUMN v_loader_run.error IS 'Why the run failed or was partial; NULL otherwise. Never contains secrets.';
COMMENT ON COLUMN v_loader_run.host IS 'Host that ran the loader.';
COMMENT ON COLUMN v_loader_run.loader_version IS 'qai-loader version that ran.';

CREATE OR REPLACE VIEW v_loader_stream AS
SELECT
    s.stream_id,
    w.watermark,
    round(extract(epoch FROM now() - w.watermark)::numeric / 3600, 2) AS lag_hours,
    w.lookback_cursor,
    w.updated_at AS watermark_updated_at,
    s.last_slice_completed_at,
    round(extract(epoch FROM now() - s.last_slice_completed_at)::numeric / 3600, 2) AS hours_since_last_slice,
    s.slices_done,
    s.slices_not_done,
    c.latest_conversation_start
FROM (
    SELECT stream_id, max(completed_at) AS last_slice_completed_at,
        count(*) FILTER (WHERE status = 'done')::integer AS slices_done,
        count(*) FILTER (WHERE status <> 'done')::integer AS slices_not_done
    FROM etl_slice
    GROUP BY stream_id
) s
LEFT JOIN etl_watermark w USING (stream_id)
LEFT JOIN (
    SELECT stream_id, max(conversation_start) AS latest_conversation_start
    FROM fact_conversation
    GROUP BY stream_id
) c USING (stream_id);

COMMENT ON VIEW v_loader_stream IS
    'Loader freshness per stream: when its data was last loaded, how far new data has been loaded by sync (watermark) and how stale that is, and the newest conversation in the warehouse.';
COMMENT ON COLUMN v_loader_stream.stream_id IS 'Stream (bot/app) id.';
COMMENT ON COLUMN v_loader_stream.watermark IS 'Conversations up to this time (UTC, exclusive) are loaded without gaps by sync; NULL when only backfill has run.';
COMMENT ON COLUMN v_loader_stream.lag_hours IS 'Hours between the watermark and now, 2 decimals: how stale the stream is; NULL without a watermark.';
COMMENT ON COLUMN v_loader_stream.lookback_cursor IS 'Where the lookback re-sweep for late audits resumes (UTC); NULL when none is in progress.';
COMMENT ON COLUMN v_loader_stream.watermark_updated_at IS 'When sync last moved the watermark or cursor (UTC); NULL without a watermark.';
COMMENT ON COLUMN v_loader_stream.last_slice_completed_at IS 'When the latest slice of the stream was loaded (UTC); NULL if none completed.';
COMMENT ON COLUMN v_loader_stream.hours_since_last_slice IS 'Hours since last_slice_completed_at, 2 decimals: how long ago anything was loaded for the stream.';
COMMENT ON COLUMN v_loader_stream.slices_done IS 'Slices of the stream loaded completely (status ''done'').';
COMMENT ON COLUMN v_loader_stream.slices_not_done IS 'Slices of the stream whose status is not ''done'' (failed or interrupted).';
COMMENT ON COLUMN v_loader_stream.latest_conversation_start IS 'Start of the newest conversation of the stream in the warehouse (UTC).';

CREATE OR REPLACE VIEW v_loader_rejection AS
SELECT
    j.rejected_id,
    j.run_id,
    j.stream_id,
    j.rejected_at,
    j.window_start,
    j.window_end,
    j.page,
    j.record_index,
    j.conversation_id,
    j.reason
FROM etl_rejected j;

COMMENT ON VIEW v_loader_rejection IS
    'Quarantined records without their raw text: what was rejected, when and why. Filter on rejected_at.';
COMMENT ON COLUMN v_loader_rejection.rejected_id IS 'Row number of the rejection (etl_rejected.rejected_id).';
COMMENT ON COLUMN v_loader_rejection.run_id IS 'Run that rejected the record.';
COMMENT ON COLUMN v_loader_rejection.stream_id IS 'Stream of the request that returned the record.';
COMMENT ON COLUMN v_loader_rejection.rejected_at IS 'When the record was rejected (UTC).';
COMMENT ON COLUMN v_loader_rejection.window_start IS 'Start of the requested window (UTC).';
COMMENT ON COLUMN v_loader_rejection.window_end IS 'End of the requested window (UTC, inclusive).';
COMMENT ON COLUMN v_loader_rejection.page IS '1-based page number of the request.';
COMMENT ON COLUMN v_loader_rejection.record_index IS '0-based index of the record in the page; NULL when the whole page was unusable.';
COMMENT ON COLUMN v_loader_rejection.conversation_id IS 'Conversation id when the record had a usable one.';
COMMENT ON COLUMN v_loader_rejection.reason IS 'Why the record was rejected, in words.';

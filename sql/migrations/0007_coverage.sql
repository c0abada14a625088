-- 0007_coverage.sql: why each slice was last fetched, so `status` can explain the lookback
-- re-sweep (which days were swept, when, and why) and the coverage of every stream.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`. Adding a
-- nullable column rewrites no rows.

ALTER TABLE etl_slice ADD COLUMN reason text;

COMMENT ON COLUMN etl_slice.reason IS
    'Why the slice was last fetched: ''newData'' (sync, past the watermark), ''backfill'', ''gap'' (sync --fill-gaps), ''repair'' (verify --repair), or ''lookback:<why>'' for the re-sweep, where <why> is ''uniform'', ''leaving'' (its last night in the lookback window), ''overdue'' (not swept for the longest allowed interval) or ''likely'' (enough of its expected audit changes since its last sweep). NULL for slices loaded before migration 0007.';

COMMENT ON COLUMN etl_slice.completed_at IS
    'When the slice was last completed, by the loader''s clock (UTC); NULL if it never completed. The lookback re-sweep reads it to know when each day was last fetched.';

COMMENT ON TABLE etl_slice IS
    'Checkpoints and coverage: one row per stream and time window (slice) the loader fetched. A slice''s row is written in the same transaction as its data, so a ''done'' slice is fully loaded; the union of a stream''s done slices is its coverage (qai-loader status lists the gaps). A re-sweep of the same window updates the row.';

-- The API window a conversation was first fetched in: `verify` counts a conversation on the day
-- of its start, or of this window when the record carried no start time.
ALTER TABLE fact_conversation ADD COLUMN api_window_start timestamptz;

COMMENT ON COLUMN fact_conversation.api_window_start IS
    'First second (UTC) of the API time window (slice) the record was last written from; the API filters by conversation date, so this places a conversation whose record has no start time. NULL for rows last written before migration 0007.';

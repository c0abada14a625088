-- 0011_stream_paging.sql: what the loader learned about how the API pages each stream (the docs
-- do not say how `offset` and `page` combine, and one version caps `offset`), shown by `status`.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`. A new table
-- only; on Citus `migrate --distribute` makes it a reference table like the other etl_ tables.

CREATE TABLE etl_stream_paging (
    stream_id text PRIMARY KEY,
    model text NOT NULL CHECK (model IN ('page', 'offset')),
    max_offset integer,
    run_id bigint,
    learned_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE etl_stream_paging IS
    'One row per stream whose paging a run had to learn: the API ignored page (model offset) or refused offsets past a cap. Each run learns afresh and records what it learned here.';
COMMENT ON COLUMN etl_stream_paging.stream_id IS 'The stream (bot/app) id.';
COMMENT ON COLUMN etl_stream_paging.model IS 'page: page numbers move through the results (offset 0); offset: the API ignores page, so the loader pages by offset.';
COMMENT ON COLUMN etl_stream_paging.max_offset IS 'The largest offset the API answered when it refused a larger one (windows are cut to fit within it); NULL when none was refused.';
COMMENT ON COLUMN etl_stream_paging.run_id IS 'The run (etl_run.run_id) that last learned it.';
COMMENT ON COLUMN etl_stream_paging.learned_at IS 'When that run recorded it.';

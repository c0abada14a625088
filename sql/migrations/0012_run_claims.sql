-- 0012_run_claims.sql: the time ranges of each stream that running loads hold, so that runs over
-- disjoint ranges of one stream (a backfill of old history and the nightly sync) run side by side
-- while overlapping ones refuse (Sources/Warehouse/Streams/RangeClaim.swift).
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`. A new table
-- only; on Citus `migrate --distribute` makes it a reference table like the other etl_ tables.

CREATE TABLE etl_run_claim (
    claim_key text NOT NULL,
    stream_id text NOT NULL,
    range_start timestamptz NOT NULL,
    range_end timestamptz NOT NULL,
    command text NOT NULL,
    run_id bigint,
    host text,
    pid integer,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (claim_key, stream_id)
);

COMMENT ON TABLE etl_run_claim IS
    'The range of each stream a running sync, backfill or verify --repair loads. A run claims its ranges under a short lock of the stream and refuses (exit 75) when a live run holds an overlapping range of the same stream; stream rewind and forget refuse while any live run holds the stream. A run deletes its rows when it ends; rows of a process that died are deleted by the next claim.';
COMMENT ON COLUMN etl_run_claim.claim_key IS 'The advisory lock (hashed by hashtextextended) the claiming session holds for as long as it runs: when it is free, the claim is stale.';
COMMENT ON COLUMN etl_run_claim.stream_id IS 'The stream whose range is claimed.';
COMMENT ON COLUMN etl_run_claim.range_start IS 'First second of the claimed range (UTC).';
COMMENT ON COLUMN etl_run_claim.range_end IS 'Last second of the claimed range (UTC, inclusive).';
COMMENT ON COLUMN etl_run_claim.command IS 'The claiming command (sync, backfill, verify).';
COMMENT ON COLUMN etl_run_claim.run_id IS 'The claiming run (etl_run.run_id), once it has started.';
COMMENT ON COLUMN etl_run_claim.host IS 'Host name of the claiming process.';
COMMENT ON COLUMN etl_run_claim.pid IS 'Process id of the claiming process.';
COMMENT ON COLUMN etl_run_claim.claimed_at IS 'When the range was claimed.';

-- 0004_lock_retries.sql: count the batches a run had to retry because another session held a
-- conflicting lock (lock_timeout), or because of a deadlock or serialization failure.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`. Adding a column
-- with a constant default rewrites no rows (PostgreSQL 11+).

ALTER TABLE etl_run ADD COLUMN lock_retries integer NOT NULL DEFAULT 0;

COMMENT ON COLUMN etl_run.lock_retries IS
    'Database transactions (batches, the rollup refresh) rolled back and retried because a lock was not granted within the lock timeout (55P03), a deadlock (40P01) or a serialization failure (40001). Non-zero means another session, often an analyst''s long transaction on a fact table, held a conflicting lock.';

-- The batch's new and changed conversations, filled by 01_find_changed.sql (never by COPY, so it has
-- no row description in Swift). Temporary: one per session, emptied by every commit or rollback.
CREATE TEMP TABLE IF NOT EXISTS stg_changed (
    conversation_id text PRIMARY KEY, is_new boolean NOT NULL, audit_changed boolean NOT NULL
) ON COMMIT DELETE ROWS;

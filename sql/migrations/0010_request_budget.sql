-- 0010_request_budget.sql: one request budget per API account, shared by every qai-loader
-- process that loads streams of the account into this warehouse (sql/repeatable/request_budget.sql
-- holds the functions that take, release and pause it).
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`. New tables
-- only; on Citus `migrate --distribute` makes them reference tables like the other etl_ tables.

CREATE TABLE etl_account_budget (
    account_id text PRIMARY KEY,
    paused_until timestamptz,
    pause_reason text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE etl_account_budget IS
    'One row per API account whose requests qai-loader paces through this warehouse: when the vendor answered 429 (rate limited), every process of the account waits until paused_until.';
COMMENT ON COLUMN etl_account_budget.account_id IS 'The API account (the accountId header), whose per-minute request budget all its streams share.';
COMMENT ON COLUMN etl_account_budget.paused_until IS 'No process sends a request of the account before this time (UTC): a 429 set it from its Retry-After or the client''s back-off.';
COMMENT ON COLUMN etl_account_budget.pause_reason IS 'Why the account was last paused (the rate-limited response, never a secret).';
COMMENT ON COLUMN etl_account_budget.updated_at IS 'When the row last changed.';

CREATE TABLE etl_account_request (
    account_id text NOT NULL,
    request_id bigint NOT NULL,
    taken_at timestamptz NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (account_id, request_id)
);

COMMENT ON TABLE etl_account_request IS
    'The requests of each account that count against its budget, across processes: those still in flight and those completed within the window (a minute). A process may send a request only while fewer than its --requests-per-minute rows count. Rows that no longer count are deleted as requests are taken.';
COMMENT ON COLUMN etl_account_request.account_id IS 'The API account the request counts against.';
COMMENT ON COLUMN etl_account_request.request_id IS 'A random id the requesting process chose for the request.';
COMMENT ON COLUMN etl_account_request.taken_at IS 'When the process was allowed to send it.';
COMMENT ON COLUMN etl_account_request.completed_at IS 'When its response (or failure) arrived; NULL while in flight. It counts until one window after this, so the vendor never sees more than the budget in a window whatever the network delay. A request left in flight by a process that died stops counting 5 minutes after it was taken.';

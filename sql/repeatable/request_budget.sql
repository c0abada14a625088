-- request_budget.sql: the functions through which every qai-loader process of an API account
-- shares its per-minute request budget (tables of migration 0010).
--
-- A repeatable file, re-run by `qai-loader migrate` when its text changes (see
-- views_conversation.sql for the rules). CREATE OR REPLACE FUNCTION keeps the function's grants; a
-- change of its arguments or result type needs a numbered migration that drops it first.
--
-- The processes of one account take turns on a transaction-scoped advisory lock of the account,
-- so counting and taking a request is one atomic step; the database's clock is the only clock.

CREATE OR REPLACE FUNCTION request_budget_take(
    p_account text, p_limit integer, p_window_ms integer, p_request bigint
) RETURNS integer
    LANGUAGE plpgsql VOLATILE
    SET search_path FROM CURRENT
AS $take$
DECLARE
    v_now timestamptz := clock_timestamp();
    v_window interval := make_interval(secs => p_window_ms / 1000.0);
    v_paused timestamptz;
    v_used integer;
    v_frees timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('qai-loader:budget:' || current_schema() || ':' || p_account, 0));
    SELECT paused_until INTO v_paused FROM etl_account_budget WHERE account_id = p_account;
    IF v_paused > v_now THEN
        RETURN greatest(1, ceil(extract(epoch FROM v_paused - v_now) * 1000))::integer;
    END IF;
    DELETE FROM etl_account_request
    WHERE account_id = p_account
        AND (completed_at <= v_now - v_window OR (completed_at IS NULL AND taken_at <= v_now - interval '5 minutes'));
    SELECT count(*) INTO v_used FROM etl_account_request WHERE account_id = p_account;
    IF v_used >= p_limit THEN
        -- When enough completed requests leave the window for one more to start; while the ones
        -- that would have to leave are still in flight, ask again shortly.
        SELECT completed_at + v_window INTO v_frees FROM etl_account_request
        WHERE account_id = p_account AND completed_at IS NOT NULL
        ORDER BY completed_at OFFSET v_used - p_limit LIMIT 1;
        IF v_frees IS NULL THEN
            RETURN 200;
        END IF;
        RETURN greatest(1, ceil(extract(epoch FROM v_frees - v_now) * 1000))::integer;
    END IF;
    INSERT INTO etl_account_request (account_id, request_id, taken_at) VALUES (p_account, p_request, v_now);
    RETURN 0;
END
$take$;

COMMENT ON FUNCTION request_budget_take(text, integer, integer, bigint) IS
    'Takes one request of the account''s budget for request id p_request when fewer than p_limit requests count (in flight, or completed within the last p_window_ms milliseconds) and the account is not paused, and returns 0; otherwise takes nothing and returns how many milliseconds to wait before asking again.';

-- PL/pgSQL rather than SQL functions, and the clock read into a variable first: on Citus a SQL
-- function's statement on a reference table cannot be planned, and a volatile function (such as
-- clock_timestamp()) may not appear in an UPDATE of a distributed table.
CREATE OR REPLACE FUNCTION request_budget_release(p_account text, p_request bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path FROM CURRENT
AS $release$
DECLARE
    v_now timestamptz := clock_timestamp();
BEGIN
    UPDATE etl_account_request SET completed_at = v_now WHERE account_id = p_account AND request_id = p_request;
END
$release$;

COMMENT ON FUNCTION request_budget_release(text, bigint) IS
    'Marks the request p_request completed: it counts against the budget until one window from now.';

CREATE OR REPLACE FUNCTION request_budget_pause(p_account text, p_pause_ms integer, p_reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path FROM CURRENT
AS $pause$
DECLARE
    v_until timestamptz := clock_timestamp() + make_interval(secs => p_pause_ms / 1000.0);
    v_now timestamptz := now();
BEGIN
    INSERT INTO etl_account_budget AS b (account_id, paused_until, pause_reason, updated_at)
    VALUES (p_account, v_until, p_reason, v_now)
    ON CONFLICT (account_id) DO UPDATE
    SET paused_until = greatest(b.paused_until, excluded.paused_until), pause_reason = excluded.pause_reason,
        updated_at = excluded.updated_at;
END
$pause$;

COMMENT ON FUNCTION request_budget_pause(text, integer, text) IS
    'After a 429: no process of the account takes a request for the next p_pause_ms milliseconds (a longer pause already set stays).';

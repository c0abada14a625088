-- Is the loader healthy?
--
-- The 20 latest runs with their outcome, throughput and counters, newest first. For freshness per
-- stream (watermark lag) see v_loader_stream; for rejected records v_loader_rejection.
-- Parameter-free.
SELECT
    r.run_id,
    r.command,
    r.status,
    r.started_at,
    r.duration_seconds,
    r.fetched,
    r.inserted,
    r.updated,
    r.unchanged,
    r.rejected,
    r.requests,
    r.rate_limited,
    r.conversations_per_second,
    left(r.error, 200) AS error
FROM v_loader_run r
ORDER BY r.run_id DESC
LIMIT 20;

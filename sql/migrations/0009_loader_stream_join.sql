-- 0009_loader_stream_join.sql: v_loader_stream finds each stream's newest conversation with a
-- join to the facts grouped by stream instead of a correlated subquery, so it also runs on Citus
-- (issue 16). There fact_conversation is distributed and etl_slice and etl_watermark are
-- reference tables, and Citus refuses a correlated subquery whose outer FROM holds a reference
-- table ("correlated subqueries are not supported when the FROM clause contains a reference
-- table"); the grouped subquery is planned on its own and joined on the coordinator.
--
-- The same columns, types, order and values as in 0002 (NULL for a stream without facts), so the
-- view's comments and grants stay as they are.

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

-- 0008_type_drift.sql: count, per run and per field, the values that could not be read as their
-- type (a score sent as "abc"), which load as NULL, or are quarantined with --strict-types.
--
-- Runs like every migration after `SET LOCAL search_path TO <schema>, pg_catalog`. Adding a column
-- with a constant default rewrites no rows (PostgreSQL 11+).

ALTER TABLE etl_run
    ADD COLUMN type_drift jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN type_drift_total integer NOT NULL DEFAULT 0;

COMMENT ON COLUMN etl_run.type_drift IS
    'Type drift of the run: {"field": count} of values present in a record but not readable as their field''s type (e.g. koreEvaluationScore sent as "abc" or as a list, metrics.metricWeight as an object, a number too large for its column), keyed by the decoder''s field label, all streams, records of committed slices. Such a value loads as NULL (the record''s raw keeps it), or with --strict-types the whole record is quarantined in etl_rejected. The vendor''s "no value" markers (null, "", "NA", "N/A", "-") become NULL on purpose and are not counted. {} when there was none.';
COMMENT ON COLUMN etl_run.type_drift_total IS
    'Sum of the counts in type_drift: values of the run not readable as their type.';
COMMENT ON COLUMN etl_rejected.page IS
    '1-based page number of the request that returned the record; NULL for a record quarantined by --strict-types (type drift), which is found by conversation_id.';
COMMENT ON COLUMN etl_rejected.record_index IS
    '0-based index of the record in that page''s results array (as in .results[N]); NULL when the whole page was unusable, or for a record quarantined by --strict-types.';

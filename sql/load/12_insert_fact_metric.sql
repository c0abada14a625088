-- Inserts the metric rows of the changed conversations, keyed by their dim_metric row.
INSERT INTO fact_metric (conversation_id, metric_ordinal, metric_key, metric_weight, metric_negative_weight,
    qualification, is_fatal_error, auditor_response, justification)
SELECT m.conversation_id, m.metric_ordinal, d.metric_key, m.metric_weight, m.metric_negative_weight,
    m.qualification, m.is_fatal_error, m.auditor_response, m.justification::jsonb
FROM stg_metric m JOIN stg_changed c USING (conversation_id) JOIN dim_metric d ON d.metric_id = m.metric_nk;

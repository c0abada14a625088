-- Which customer intents go badly?
--
-- Intents (generated and configured topics) ranked by the share of conversations where the
-- intent's sentiment was negative, with how often they were resolved.
-- Defaults: the 30 days up to the latest loaded day; intents seen in at least 10 conversations.
WITH params AS (
    SELECT max(day) - 29 AS first_day, max(day) AS last_day, 10 AS min_conversations
    FROM v_daily_intent
)
SELECT
    i.source,
    i.intent_name,
    sum(i.conversations) AS conversations,
    round(sum(i.negative)::numeric / nullif(sum(i.conversations), 0), 4) AS share_negative,
    round(sum(i.resolved)::numeric / nullif(sum(i.resolution_known), 0), 4) AS share_resolved
FROM v_daily_intent i, params p
WHERE i.day BETWEEN p.first_day AND p.last_day
GROUP BY i.intent_key, i.source, i.intent_name, p.min_conversations
HAVING sum(i.conversations) >= p.min_conversations
ORDER BY share_negative DESC, conversations DESC
LIMIT 20;

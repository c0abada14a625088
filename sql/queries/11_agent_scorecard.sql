-- How does each agent score?
--
-- One row per agent over the last 30 days: conversations, average AutoQA and audit scores, pass
-- rate, fatal errors and share audited, worst average score first.
-- Defaults: the 30 days up to the latest loaded day; agents with at least 10 conversations.
WITH params AS (
    SELECT max(day) - 29 AS first_day, max(day) AS last_day, 10 AS min_conversations
    FROM v_daily_agent
)
SELECT
    a.agent_name,
    a.agent_id,
    sum(a.conversations) AS conversations,
    round(sum(a.evaluation_score_sum) / nullif(sum(a.evaluated), 0), 2) AS avg_evaluation_score,
    round(sum(a.audit_score_sum) / nullif(sum(a.audit_scored), 0), 2) AS avg_audit_score,
    round(sum(a.passed)::numeric / nullif(sum(a.pass_known), 0), 4) AS pass_rate,
    sum(a.fatal_errors) AS fatal_errors,
    round(sum(a.audited)::numeric / nullif(sum(a.conversations), 0), 4) AS share_audited
FROM v_daily_agent a, params p
WHERE a.day BETWEEN p.first_day AND p.last_day
GROUP BY a.agent_key, a.agent_name, a.agent_id, p.min_conversations
HAVING sum(a.conversations) >= p.min_conversations
ORDER BY avg_evaluation_score ASC NULLS LAST;

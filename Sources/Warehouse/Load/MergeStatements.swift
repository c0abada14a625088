/// The set-based SQL that merges the staging tables into the star schema, in order: new
/// dimension keys, then the changed conversations, their child rows and audit history, and last
/// the changed attributes of existing dimension rows. Every statement
/// writes only rows whose content differs, so an unchanged batch writes nothing. Names are
/// unqualified: the loader sets `search_path` to the warehouse schema (staging tables are
/// temporary and found first). `$1` is the run id where a statement takes one.
enum MergeStatements {
    private static let agent = DimensionMerge(
        table: "dim_agent", key: "agent_id", attributes: ["agent_name", "agent_email"], source: "stg_agent",
        sourceKey: "agent_id")
    private static let queue = DimensionMerge(
        table: "dim_queue", key: "queue_id", attributes: ["queue_name"], source: "stg_queue", sourceKey: "queue_id")
    private static let metric = DimensionMerge(
        table: "dim_metric", key: "metric_id", attributes: ["metric_name"], flags: ["metric_id_is_name"],
        source: "stg_metric", sourceKey: "metric_nk")

    /// Run before the facts: the batch's new dimension keys, so every fact row finds its key.
    /// Existing dimension rows are not locked, so loaders running at the same time do not wait
    /// for each other here (except on a key both insert).
    static let insertDimensions = [
        agent.insertNew, queue.insertNew, metric.insertNew,
        """
        INSERT INTO dim_intent (source, intent_l1, intent_l2, intent_l3, intent_name, first_seen_at)
        SELECT i.source, i.intent_l1, i.intent_l2, i.intent_l3, min(i.intent_name), min(c.conversation_start)
        FROM stg_intent i JOIN stg_conversation c USING (conversation_id)
        GROUP BY i.source, i.intent_l1, i.intent_l2, i.intent_l3
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (source, intent_l1, intent_l2, intent_l3) DO NOTHING;
        """,
    ]

    /// Run last, just before the checkpoint: current names and emails and first/last seen of the
    /// existing dimension rows the batch observed. Their row locks are held only until the commit.
    static let updateDimensions = [
        agent.updateChanged, queue.updateChanged, metric.updateChanged,
        intentFirstSeen,
    ]

    /// Moves an intent's first seen back when the batch holds an earlier conversation with it
    /// (batches commit out of order, and a backfill or re-sweep can load older days later): an
    /// upsert of the rows that change, in key order, so the rows are locked in that order (and the
    /// statement runs on Citus too, see ``DimensionMerge/updateChanged``).
    private static let intentFirstSeen = """
        INSERT INTO dim_intent AS d (source, intent_l1, intent_l2, intent_l3, intent_name, first_seen_at)
        SELECT n.source, n.intent_l1, n.intent_l2, n.intent_l3, d.intent_name, n.first_seen
        FROM (
            SELECT i.source, i.intent_l1, i.intent_l2, i.intent_l3, min(c.conversation_start) AS first_seen
            FROM stg_intent i JOIN stg_conversation c USING (conversation_id)
            WHERE c.conversation_start IS NOT NULL
            GROUP BY i.source, i.intent_l1, i.intent_l2, i.intent_l3) n
        JOIN dim_intent d
            ON (d.source, d.intent_l1, d.intent_l2, d.intent_l3) = (n.source, n.intent_l1, n.intent_l2, n.intent_l3)
        WHERE d.first_seen_at IS NULL OR n.first_seen < d.first_seen_at
        ORDER BY d.intent_key
        ON CONFLICT (source, intent_l1, intent_l2, intent_l3) DO UPDATE SET first_seen_at = excluded.first_seen_at
        WHERE d.first_seen_at IS NULL OR excluded.first_seen_at < d.first_seen_at;
        """

    /// Finds new and changed conversations (content hash differs) and whether their audit
    /// fields changed, before the facts are overwritten.
    static let findChanged = """
        INSERT INTO stg_changed (conversation_id, is_new, audit_changed)
        SELECT s.conversation_id, f.conversation_id IS NULL,
            f.conversation_id IS NULL OR (f.audit_status, f.audit_score, f.audit_date, f.auditor)
                IS DISTINCT FROM (s.audit_status, s.audit_score, s.audit_date, s.auditor)
        FROM stg_key s LEFT JOIN fact_conversation f USING (conversation_id)
        WHERE f.conversation_id IS NULL OR f.content_hash IS DISTINCT FROM s.content_hash;
        """

    private static let factColumns = StagingTables.conversationColumns.filter {
        $0 != "custom_fields" && $0 != "raw" && $0 != "content_hash"
    }

    /// Inserts new conversations and rewrites changed ones; unchanged rows are not touched. The
    /// update takes `updated_at` from the proposed row (`now()` there), since Citus refuses
    /// functions that are not IMMUTABLE in `DO UPDATE SET` on a distributed table.
    static let upsertFacts = """
        INSERT INTO fact_conversation (\(factColumns.joined(separator: ", ")), custom_fields, raw, content_hash,
            first_loaded_at, updated_at, last_run_id)
        SELECT \(factColumns.map { "s.\($0)" }.joined(separator: ", ")), s.custom_fields::jsonb, s.raw::jsonb,
            s.content_hash, now(), now(), $1
        FROM stg_conversation s JOIN stg_changed c USING (conversation_id)
        ORDER BY s.conversation_id
        ON CONFLICT (conversation_id) DO UPDATE SET
            \(factColumns.filter { $0 != "conversation_id" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")),
            custom_fields = excluded.custom_fields, raw = excluded.raw, content_hash = excluded.content_hash,
            updated_at = excluded.updated_at, last_run_id = excluded.last_run_id;
        """

    /// Replaces the child rows of changed conversations.
    static let replaceChildren =
        [
            "fact_metric", "bridge_conversation_agent", "bridge_conversation_queue", "fact_conversation_intent",
            "fact_voice_analytics",
        ].map { table in
            "DELETE FROM \(table) t USING stg_changed c WHERE t.conversation_id = c.conversation_id AND NOT c.is_new;"
        } + [
            """
            INSERT INTO fact_metric (conversation_id, metric_ordinal, metric_key, metric_weight, metric_negative_weight,
                qualification, is_fatal_error, auditor_response, justification)
            SELECT m.conversation_id, m.metric_ordinal, d.metric_key, m.metric_weight, m.metric_negative_weight,
                m.qualification, m.is_fatal_error, m.auditor_response, m.justification::jsonb
            FROM stg_metric m JOIN stg_changed c USING (conversation_id) JOIN dim_metric d ON d.metric_id = m.metric_nk;
            """,
            """
            INSERT INTO bridge_conversation_agent (conversation_id, agent_key, agent_ordinal, empathy_score, agent_start_time)
            SELECT DISTINCT ON (a.conversation_id, d.agent_key) a.conversation_id, d.agent_key, a.agent_ordinal,
                a.empathy_score, a.agent_start_time
            FROM stg_agent a JOIN stg_changed c USING (conversation_id) JOIN dim_agent d ON d.agent_id = a.agent_id
            ORDER BY a.conversation_id, d.agent_key, a.agent_ordinal;
            """,
            """
            INSERT INTO bridge_conversation_queue (conversation_id, queue_key, queue_ordinal)
            SELECT DISTINCT ON (q.conversation_id, d.queue_key) q.conversation_id, d.queue_key, q.queue_ordinal
            FROM stg_queue q JOIN stg_changed c USING (conversation_id) JOIN dim_queue d ON d.queue_id = q.queue_id
            ORDER BY q.conversation_id, d.queue_key, q.queue_ordinal;
            """,
            """
            INSERT INTO fact_conversation_intent (conversation_id, intent_key, confidence, sentiment, sentiment_score,
                resolution, keywords)
            SELECT DISTINCT ON (i.conversation_id, d.intent_key) i.conversation_id, d.intent_key, i.confidence,
                i.sentiment, i.sentiment_score, i.resolution, i.keywords
            FROM stg_intent i JOIN stg_changed c USING (conversation_id)
            JOIN dim_intent d ON (d.source, d.intent_l1, d.intent_l2, d.intent_l3)
                = (i.source, i.intent_l1, i.intent_l2, i.intent_l3)
            ORDER BY i.conversation_id, d.intent_key, i.intent_ordinal;
            """,
            """
            INSERT INTO fact_voice_analytics (conversation_id, kind, ordinal, speaker, speaker_id, words, time_taken_ms,
                average, score, emotion, duration, proportion)
            SELECT v.conversation_id, v.kind, v.ordinal, v.speaker, v.speaker_id, v.words, v.time_taken_ms, v.average,
                v.score, v.emotion, v.duration, v.proportion
            FROM stg_voice v JOIN stg_changed c USING (conversation_id);
            """,
        ]

    /// One history row per conversation whose audit state is new or changed, observed at the
    /// batch's time (`$2`, epoch seconds: the loader's clock) or, when NULL, the database's.
    static let appendAuditHistory = """
        INSERT INTO fact_audit_history (conversation_id, observed_at, audit_status, audit_score, audit_date, auditor,
            run_id)
        SELECT s.conversation_id, coalesce(to_timestamp($2::float8), now()), s.audit_status, s.audit_score, s.audit_date, s.auditor, $1
        FROM stg_conversation s JOIN stg_changed c USING (conversation_id)
        WHERE c.audit_changed
        ON CONFLICT (conversation_id, observed_at) DO UPDATE SET
            audit_status = excluded.audit_status, audit_score = excluded.audit_score,
            audit_date = excluded.audit_date, auditor = excluded.auditor, run_id = excluded.run_id;
        """
}

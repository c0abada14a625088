import Postgres
import QualityAI

/// The session-local staging tables rows are copied into before the set-based merge
/// (`sql/load/`), one description each: name, columns with their PostgreSQL types, and how each
/// value is encoded from the normalised row. Adding a fact column means a column here, a
/// migration, and the column in `sql/load/06_merge_fact_conversation.sql`. The tables are
/// temporary (one set per connection, invisible to other loaders) and emptied by every commit or
/// rollback.
enum StagingTables {
    /// Every conversation of the batch: what tells whether it changed (the whole record goes to
    /// `stg_conversation` only when it did).
    static let key = StagingTable<StagingRow.Key>(
        name: "stg_key",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversation.conversationId) },
            .init("content_hash", "bytea NOT NULL") { row, writer in writer.append(row.hash) },
            .init("audit_status", "text") { row, writer in
                writer.append(Normaliser.auditStatus(row.conversation.auditStatus))
            },
            .init("audit_score", "numeric") { row, writer in writer.append(row.conversation.auditScore?.text) },
            .init("audit_date", "timestamptz") { row, writer in writer.append(row.conversation.auditDate?.isoText) },
            .init("auditor", "text") { row, writer in writer.append(row.conversation.auditor) },
        ])

    /// The whole record of each new or changed conversation: the columns of `fact_conversation`.
    static let conversation = StagingTable<StagingRow.Record>(
        name: "stg_conversation",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversation.conversationId) },
            .init("stream_id", "text NOT NULL") { row, writer in writer.append(row.streamId) },
            .init("custom_conversation_id", "text") { row, writer in
                writer.append(row.conversation.customConversationId)
            },
            .init("conversation_start", "timestamptz") { row, writer in
                writer.append(row.conversation.conversationStart?.isoText)
            },
            .init("conversation_end", "timestamptz") { row, writer in
                writer.append(row.conversation.conversationEnd?.isoText)
            },
            .init("duration_ms", "bigint") { row, writer in writer.append(row.conversation.durationMs) },
            .init("contact_direction", "text") { row, writer in writer.append(row.conversation.contactDirection) },
            .init("is_direction_defaulted", "boolean") { row, writer in
                writer.append(row.conversation.isDirectionDefaulted)
            },
            .init("duration_status", "text") { row, writer in writer.append(row.conversation.durationStatus) },
            .init("language", "text") { row, writer in writer.append(row.conversation.language) },
            .init("kore_evaluation_score", "numeric") { row, writer in
                writer.append(row.conversation.koreEvaluationScore?.text)
            },
            .init("pass_score", "numeric") { row, writer in writer.append(row.conversation.passScore?.text) },
            .init("is_passed", "boolean") { row, writer in writer.append(row.conversation.isPassed) },
            .init("evaluation_form_name", "text") { row, writer in
                writer.append(row.conversation.evaluationFormName)
            },
            .init("fatal_error_count", "integer") { row, writer in writer.append(row.conversation.fatalErrorCount) },
            .init("audit_status", "text") { row, writer in
                writer.append(Normaliser.auditStatus(row.conversation.auditStatus))
            },
            .init("audit_score", "numeric") { row, writer in writer.append(row.conversation.auditScore?.text) },
            .init("audit_date", "timestamptz") { row, writer in writer.append(row.conversation.auditDate?.isoText) },
            .init("auditor", "text") { row, writer in writer.append(row.conversation.auditor) },
            .init("sentiment", "text") { row, writer in writer.append(row.conversation.sentiment) },
            .init("sentiment_score", "numeric") { row, writer in
                writer.append(row.conversation.sentimentScore?.text)
            },
            .init("sentiment_positive", "numeric") { row, writer in
                writer.append(row.conversation.sentimentRatio?.positive?.text)
            },
            .init("sentiment_neutral", "numeric") { row, writer in
                writer.append(row.conversation.sentimentRatio?.neutral?.text)
            },
            .init("sentiment_negative", "numeric") { row, writer in
                writer.append(row.conversation.sentimentRatio?.negative?.text)
            },
            .init("sentiment_start", "text") { row, writer in writer.append(row.conversation.sentimentPattern?.start) },
            .init("sentiment_end", "text") { row, writer in writer.append(row.conversation.sentimentPattern?.end) },
            .init("is_churn_risk_observed", "boolean") { row, writer in
                writer.append(row.conversation.isChurnRiskObserved)
            },
            .init("is_escalation_observed", "boolean") { row, writer in
                writer.append(row.conversation.isEscalationObserved)
            },
            .init("taxonomy_resolution", "text") { row, writer in
                writer.append(row.conversation.taxonomyResolution)
            },
            .init("custom_fields", "text") { row, writer in
                let fields = row.conversation.customFields
                writer.append(fields.isEmpty ? nil : JSONText.object(fields.map { ($0.key, $0.value) }))
            },
            .init("agent_recordings", "text[]") { row, writer in
                let recordings = row.conversation.agentRecordings
                writer.append(textArray: recordings.isEmpty ? nil : recordings)
            },
            .init("customer_recordings", "text[]") { row, writer in
                let recordings = row.conversation.customerRecordings
                writer.append(textArray: recordings.isEmpty ? nil : recordings)
            },
            .init("api_window_start", "timestamptz") { row, writer in writer.append(row.windowStart) },
            .init("raw", "text NOT NULL") { row, writer in writer.append(row.conversation.raw) },
            .init("content_hash", "bytea NOT NULL") { row, writer in writer.append(row.hash) },
        ])

    /// Every metric entry of the changed conversations, with its dimension's natural key.
    static let metric = StagingTable<StagingRow.Metric>(
        name: "stg_metric",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversationId) },
            .init("metric_ordinal", "integer NOT NULL") { row, writer in writer.append(row.ordinal) },
            .init("metric_nk", "text NOT NULL") { row, writer in writer.append(row.key.naturalKey) },
            .init("metric_id_is_name", "boolean NOT NULL") { row, writer in writer.append(row.key.isName) },
            .init("metric_name", "text") { row, writer in writer.append(row.metric.metricName) },
            .init("metric_weight", "numeric") { row, writer in writer.append(row.metric.weight?.text) },
            .init("metric_negative_weight", "numeric") { row, writer in
                writer.append(row.metric.negativeWeight?.text)
            },
            .init("qualification", "text") { row, writer in writer.append(row.metric.qualification) },
            .init("is_fatal_error", "boolean") { row, writer in writer.append(row.metric.isFatalError) },
            .init("auditor_response", "text") { row, writer in writer.append(row.metric.auditorResponse) },
            .init("justification", "text") { row, writer in writer.append(row.metric.justification) },
        ])

    /// The agents with an id of the changed conversations.
    static let agent = StagingTable<StagingRow.Agent>(
        name: "stg_agent",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversationId) },
            .init("agent_ordinal", "integer NOT NULL") { row, writer in writer.append(row.ordinal) },
            .init("agent_id", "text NOT NULL") { row, writer in writer.append(row.id) },
            .init("agent_name", "text") { row, writer in writer.append(row.agent.name) },
            .init("agent_email", "text") { row, writer in writer.append(row.agent.email) },
            .init("agent_start_time", "timestamptz") { row, writer in writer.append(row.agent.startTime?.isoText) },
            .init("empathy_score", "numeric") { row, writer in writer.append(row.agent.empathyScore?.text) },
        ])

    /// The queues with an id of the changed conversations.
    static let queue = StagingTable<StagingRow.Queue>(
        name: "stg_queue",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversationId) },
            .init("queue_ordinal", "integer NOT NULL") { row, writer in writer.append(row.ordinal) },
            .init("queue_id", "text NOT NULL") { row, writer in writer.append(row.id) },
            .init("queue_name", "text") { row, writer in writer.append(row.queue.name) },
        ])

    /// The generated and configured intents of the changed conversations (`Normaliser.intents`).
    static let intent = StagingTable<StagingRow.Intent>(
        name: "stg_intent",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversationId) },
            .init("intent_ordinal", "integer NOT NULL") { row, writer in writer.append(row.ordinal) },
            .init("source", "text NOT NULL") { row, writer in writer.append(row.intent.source) },
            .init("intent_l1", "text NOT NULL") { row, writer in writer.append(row.intent.l1) },
            .init("intent_l2", "text NOT NULL") { row, writer in writer.append(row.intent.l2) },
            .init("intent_l3", "text NOT NULL") { row, writer in writer.append(row.intent.l3) },
            .init("intent_name", "text") { row, writer in writer.append(row.intent.name) },
            .init("confidence", "numeric") { row, writer in writer.append(row.intent.confidence?.text) },
            .init("sentiment", "text") { row, writer in writer.append(row.intent.sentiment) },
            .init("sentiment_score", "numeric") { row, writer in writer.append(row.intent.sentimentScore?.text) },
            .init("resolution", "text") { row, writer in writer.append(row.intent.resolution) },
            .init("keywords", "text[]") { row, writer in writer.append(textArray: row.intent.keywords) },
        ])

    /// The speaking-rate and emotion rows of the changed conversations (`Normaliser.voiceRows`).
    static let voice = StagingTable<StagingRow.Voice>(
        name: "stg_voice",
        columns: [
            .init("conversation_id", "text NOT NULL") { row, writer in writer.append(row.conversationId) },
            .init("kind", "text NOT NULL") { row, writer in writer.append(row.row.kind) },
            .init("ordinal", "integer NOT NULL") { row, writer in writer.append(row.row.ordinal) },
            .init("speaker", "text") { row, writer in writer.append(row.row.speaker) },
            .init("speaker_id", "text") { row, writer in writer.append(row.row.speakerId) },
            .init("words", "numeric") { row, writer in writer.append(row.row.words?.text) },
            .init("time_taken_ms", "numeric") { row, writer in writer.append(row.row.timeTaken?.text) },
            .init("average", "numeric") { row, writer in writer.append(row.row.average?.text) },
            .init("score", "numeric") { row, writer in writer.append(row.row.score?.text) },
            .init("emotion", "text") { row, writer in writer.append(row.row.emotion) },
            .init("duration", "numeric") { row, writer in writer.append(row.row.duration?.text) },
            .init("proportion", "numeric") { row, writer in writer.append(row.row.proportion?.text) },
        ])

    /// Each copied table's name, COPY column list and DDL, in creation order.
    static let all: [(name: String, columns: [String], create: String)] = [
        (conversation.name, conversation.columnNames, conversation.createStatement),
        (key.name, key.columnNames, key.createStatement),
        (metric.name, metric.columnNames, metric.createStatement),
        (agent.name, agent.columnNames, agent.createStatement),
        (queue.name, queue.columnNames, queue.createStatement),
        (intent.name, intent.columnNames, intent.createStatement),
        (voice.name, voice.columnNames, voice.createStatement),
    ]

    /// Creates every staging table in this session (idempotent): the copied ones, then
    /// `stg_changed` (`sql/load/00_create_stg_changed.sql`, filled by SQL, not by COPY).
    static let create = (all.map(\.create) + [LoadSQL.createChanged.sql]).joined(separator: "\n")

    /// Whether the staging tables still hold rows in this transaction (a second load in one transaction).
    static let holdsRows = "SELECT EXISTS (SELECT FROM stg_key) AS present"

    /// Empties every staging table (all of them are this session's own temporary tables).
    static let truncate = "TRUNCATE " + (all.map(\.name) + ["stg_changed"]).joined(separator: ", ")
}

import Postgres
import QualityAI

/// Copies a batch of conversations into the staging tables: one COPY per table, rows encoded
/// straight from the typed model. Ordinals start at 1.
enum StagingWriter {
    /// Copies what tells whether each of `conversations` changed into `stg_key`: id, content hash
    /// (`hashes`, one bytea literal per conversation) and the audit fields.
    static func copyKeys(_ conversations: [Conversation], hashes: [String], on connection: isolated Connection)
        throws
    {
        try connection.copyIn(table: "stg_key", columns: StagingTables.keyColumns) { writer in
            for (conversation, hash) in zip(conversations, hashes) {
                writer.append(conversation.conversationId)
                writer.append(hash)
                writer.append(Normaliser.auditStatus(conversation.auditStatus))
                writer.append(conversation.auditScore?.text)
                writer.append(conversation.auditDate?.isoText)
                writer.append(conversation.auditor)
                try writer.endRow()
            }
        }
    }

    /// Copies `conversations` (already unique by id) of `streamId` with their content hashes
    /// and the API windows they were fetched in (`windowStarts`, epoch seconds by conversation id)
    /// into the other staging tables; runs on the connection.
    static func copy(
        _ conversations: [Conversation], hashes: [String], streamId: String, windowStarts: [String: Int64],
        on connection: isolated Connection
    ) throws {
        try connection.copyIn(table: "stg_conversation", columns: StagingTables.conversationColumns) { writer in
            for (conversation, hash) in zip(conversations, hashes) {
                let windowStart = windowStarts[conversation.conversationId].map { VendorTimestamp.format($0) + "+00" }
                writeConversation(conversation, streamId: streamId, windowStart: windowStart, into: &writer)
                writer.append(hash)
                try writer.endRow()
            }
        }
        try connection.copyIn(table: "stg_metric", columns: StagingTables.metricColumns) { writer in
            for conversation in conversations {
                for (index, metric) in conversation.metrics.enumerated() {
                    let key = Normaliser.metricKey(metric)
                    writer.append(conversation.conversationId)
                    writer.append(index + 1)
                    writer.append(key.naturalKey)
                    writer.append(key.isName)
                    writer.append(metric.metricName)
                    writer.append(metric.weight?.text)
                    writer.append(metric.negativeWeight?.text)
                    writer.append(metric.qualification)
                    writer.append(metric.isFatalError)
                    writer.append(metric.auditorResponse)
                    writer.append(metric.justification)
                    try writer.endRow()
                }
            }
        }
        try connection.copyIn(table: "stg_agent", columns: StagingTables.agentColumns) { writer in
            for conversation in conversations {
                for (index, agent) in conversation.agents.enumerated() {
                    guard let id = agent.id, !id.isEmpty else { continue }
                    writer.append(conversation.conversationId)
                    writer.append(index + 1)
                    writer.append(id)
                    writer.append(agent.name)
                    writer.append(agent.email)
                    writer.append(agent.startTime?.isoText)
                    writer.append(agent.empathyScore?.text)
                    try writer.endRow()
                }
            }
        }
        try connection.copyIn(table: "stg_queue", columns: StagingTables.queueColumns) { writer in
            for conversation in conversations {
                for (index, queue) in conversation.queues.enumerated() {
                    guard let id = queue.id, !id.isEmpty else { continue }
                    writer.append(conversation.conversationId)
                    writer.append(index + 1)
                    writer.append(id)
                    writer.append(queue.name)
                    try writer.endRow()
                }
            }
        }
        try connection.copyIn(table: "stg_intent", columns: StagingTables.intentColumns) { writer in
            for conversation in conversations {
                for (index, intent) in Normaliser.intents(of: conversation).enumerated() {
                    writer.append(conversation.conversationId)
                    writer.append(index + 1)
                    writer.append(intent.source)
                    writer.append(intent.l1)
                    writer.append(intent.l2)
                    writer.append(intent.l3)
                    writer.append(intent.name)
                    writer.append(intent.confidence?.text)
                    writer.append(intent.sentiment)
                    writer.append(intent.sentimentScore?.text)
                    writer.append(intent.resolution)
                    writer.append(textArray: intent.keywords)
                    try writer.endRow()
                }
            }
        }
        try connection.copyIn(table: "stg_voice", columns: StagingTables.voiceColumns) { writer in
            for conversation in conversations {
                for row in Normaliser.voiceRows(of: conversation) {
                    writer.append(conversation.conversationId)
                    writer.append(row.kind)
                    writer.append(row.ordinal)
                    writer.append(row.speaker)
                    writer.append(row.speakerId)
                    writer.append(row.words?.text)
                    writer.append(row.timeTaken?.text)
                    writer.append(row.average?.text)
                    writer.append(row.score?.text)
                    writer.append(row.emotion)
                    writer.append(row.duration?.text)
                    writer.append(row.proportion?.text)
                    try writer.endRow()
                }
            }
        }
    }

    private static func writeConversation(
        _ c: Conversation, streamId: String, windowStart: String?, into writer: inout CopyWriter
    ) {
        writer.append(c.conversationId)
        writer.append(streamId)
        writer.append(c.customConversationId)
        writer.append(c.conversationStart?.isoText)
        writer.append(c.conversationEnd?.isoText)
        writer.append(c.durationMs)
        writer.append(c.contactDirection)
        writer.append(c.isDirectionDefaulted)
        writer.append(c.durationStatus)
        writer.append(c.language)
        writer.append(c.koreEvaluationScore?.text)
        writer.append(c.passScore?.text)
        writer.append(c.isPassed)
        writer.append(c.evaluationFormName)
        writer.append(c.fatalErrorCount)
        writer.append(Normaliser.auditStatus(c.auditStatus))
        writer.append(c.auditScore?.text)
        writer.append(c.auditDate?.isoText)
        writer.append(c.auditor)
        writer.append(c.sentiment)
        writer.append(c.sentimentScore?.text)
        writer.append(c.sentimentRatio?.positive?.text)
        writer.append(c.sentimentRatio?.neutral?.text)
        writer.append(c.sentimentRatio?.negative?.text)
        writer.append(c.sentimentPattern?.start)
        writer.append(c.sentimentPattern?.end)
        writer.append(c.isChurnRiskObserved)
        writer.append(c.isEscalationObserved)
        writer.append(c.taxonomyResolution)
        writer.append(c.customFields.isEmpty ? nil : JSONText.object(c.customFields.map { ($0.key, $0.value) }))
        writer.append(textArray: c.agentRecordings.isEmpty ? nil : c.agentRecordings)
        writer.append(textArray: c.customerRecordings.isEmpty ? nil : c.customerRecordings)
        writer.append(windowStart)
        writer.append(c.raw)
    }
}

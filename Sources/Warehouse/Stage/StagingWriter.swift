import Postgres
import QualityAI

/// Copies a batch of conversations into the staging tables: one COPY per table, each row encoded
/// by its table's description (`StagingTables`) straight from the typed model. Ordinals start at 1.
enum StagingWriter {
    /// Copies what tells whether each of `conversations` changed into `stg_key`: id, content hash
    /// (`hashes`, one bytea literal per conversation) and the audit fields.
    static func copyKeys(_ conversations: [Conversation], hashes: [String], on connection: isolated Connection)
        throws
    {
        let table = StagingTables.key
        try table.copy(on: connection) { writer in
            for (conversation, hash) in zip(conversations, hashes) {
                try table.append(StagingRow.Key(conversation: conversation, hash: hash), to: &writer)
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
        let records = StagingTables.conversation
        try records.copy(on: connection) { writer in
            for (conversation, hash) in zip(conversations, hashes) {
                let windowStart = windowStarts[conversation.conversationId].map { VendorTimestamp.format($0) + "+00" }
                let row = StagingRow.Record(
                    conversation: conversation, streamId: streamId, windowStart: windowStart, hash: hash)
                try records.append(row, to: &writer)
            }
        }
        let metrics = StagingTables.metric
        try metrics.copy(on: connection) { writer in
            for conversation in conversations {
                for (index, metric) in conversation.metrics.enumerated() {
                    let row = StagingRow.Metric(
                        conversationId: conversation.conversationId, ordinal: index + 1, metric: metric,
                        key: Normaliser.metricKey(metric))
                    try metrics.append(row, to: &writer)
                }
            }
        }
        let agents = StagingTables.agent
        try agents.copy(on: connection) { writer in
            for conversation in conversations {
                for (index, agent) in conversation.agents.enumerated() {
                    guard let id = agent.id, !id.isEmpty else { continue }
                    let row = StagingRow.Agent(
                        conversationId: conversation.conversationId, ordinal: index + 1, id: id, agent: agent)
                    try agents.append(row, to: &writer)
                }
            }
        }
        let queues = StagingTables.queue
        try queues.copy(on: connection) { writer in
            for conversation in conversations {
                for (index, queue) in conversation.queues.enumerated() {
                    guard let id = queue.id, !id.isEmpty else { continue }
                    let row = StagingRow.Queue(
                        conversationId: conversation.conversationId, ordinal: index + 1, id: id, queue: queue)
                    try queues.append(row, to: &writer)
                }
            }
        }
        let intents = StagingTables.intent
        try intents.copy(on: connection) { writer in
            for conversation in conversations {
                for (index, intent) in Normaliser.intents(of: conversation).enumerated() {
                    let row = StagingRow.Intent(
                        conversationId: conversation.conversationId, ordinal: index + 1, intent: intent)
                    try intents.append(row, to: &writer)
                }
            }
        }
        let voices = StagingTables.voice
        try voices.copy(on: connection) { writer in
            for conversation in conversations {
                for voice in Normaliser.voiceRows(of: conversation) {
                    try voices.append(
                        StagingRow.Voice(conversationId: conversation.conversationId, row: voice), to: &writer)
                }
            }
        }
    }
}

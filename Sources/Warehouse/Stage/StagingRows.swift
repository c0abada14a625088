import QualityAI

/// What one row of each staging table is made from: the normalised parts of a conversation with
/// the batch's context (stream, content hash, API window) and the row's ordinal (from 1).
enum StagingRow {
    /// A row of `stg_key`: what tells whether a conversation changed.
    struct Key {
        let conversation: QualityAI.Conversation
        /// The content hash as a bytea literal (`ContentHash.byteaLiteral`).
        let hash: String
    }

    /// A row of `stg_conversation`: the whole record of a new or changed conversation.
    struct Record {
        let conversation: QualityAI.Conversation
        let streamId: String
        /// The start of the API window it was fetched in, as timestamptz text, if known.
        let windowStart: String?
        let hash: String
    }

    /// A row of `stg_metric`.
    struct Metric {
        let conversationId: String
        let ordinal: Int
        let metric: QualityAI.Conversation.Metric
        /// The dimension's natural key (`Normaliser.metricKey`).
        let key: (naturalKey: String, isName: Bool)
    }

    /// A row of `stg_agent` (agents with an id only).
    struct Agent {
        let conversationId: String
        let ordinal: Int
        let id: String
        let agent: QualityAI.Conversation.Agent
    }

    /// A row of `stg_queue` (queues with an id only).
    struct Queue {
        let conversationId: String
        let ordinal: Int
        let id: String
        let queue: QualityAI.Conversation.Queue
    }

    /// A row of `stg_intent`.
    struct Intent {
        let conversationId: String
        let ordinal: Int
        let intent: Normaliser.IntentRow
    }

    /// A row of `stg_voice` (the ordinal is the row's own, within its kind).
    struct Voice {
        let conversationId: String
        let row: Normaliser.VoiceRow
    }
}

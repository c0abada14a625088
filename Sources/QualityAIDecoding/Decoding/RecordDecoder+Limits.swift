extension RecordDecoder {
    /// Longest value, in UTF-8 bytes, that the warehouse keeps in an indexed column (conversation,
    /// agent, queue and metric ids, intent names, audit status). A PostgreSQL B-tree entry holds
    /// at most about 2,700 bytes, so a longer value would fail the whole slice's load; a record
    /// that carries one is quarantined instead, with this reason.
    static let maximumKeyBytes = 512

    /// Why `conversation` cannot be loaded because an indexed value is too long, or nil.
    static func oversizedKey(in conversation: Conversation) -> String? {
        var keys: [(String, String?)] = [
            ("a conversation id", conversation.conversationId), ("an audit status", conversation.auditStatus),
        ]
        keys += conversation.agents.map { ("an agent id", $0.id) }
        keys += conversation.queues.map { ("a queue id", $0.id) }
        keys += conversation.metrics.map { ("a metric id", $0.metricId) }
        keys += conversation.metrics.filter { ($0.metricId ?? "").isEmpty }.map { ("a metric name", $0.metricName) }
        keys += conversation.generatedIntents.map { ("an intent name", $0.name) }
        keys += conversation.configuredIntents.flatMap {
            [("an intent L1", $0.l1), ("an intent L2", $0.l2), ("an intent L3", $0.l3)]
        }
        for (what, value) in keys {
            guard let length = value?.utf8.count, length > maximumKeyBytes else { continue }
            return "has \(what) of \(length) bytes; the warehouse indexes it and keeps at most "
                + "\(maximumKeyBytes) bytes (ask the vendor why the value is so long)"
        }
        return nil
    }
}

import QualityAI

/// The pure parts of turning a conversation into warehouse rows: natural keys of dimensions,
/// the intent list and the voice analytics rows.
enum Normaliser {
    /// Bumped when the mapping from record to rows changes, so a new loader rewrites rows whose
    /// raw record is unchanged but whose normalised columns would now differ (it is part of the
    /// content hash, `ContentHash`).
    static let version = "n1"

    /// The audit status with the vendor's older spelling `Unassigned` mapped to `Not Assigned`,
    /// so reports count one backlog; the raw record keeps what the vendor sent.
    static func auditStatus(_ status: String?) -> String? {
        guard let status else { return nil }
        return status.lowercased() == "unassigned" ? "Not Assigned" : status
    }

    /// The metric dimension's natural key: the vendor's id, or the name when an entry has none.
    static func metricKey(_ metric: Conversation.Metric) -> (naturalKey: String, isName: Bool) {
        if let id = metric.metricId, !id.isEmpty { return (id, false) }
        if let name = metric.metricName, !name.isEmpty { return (name, true) }
        return ("(metric without id or name)", true)
    }

    /// One intent row of a conversation, generated or configured.
    struct IntentRow: Equatable {
        var source: String
        var l1: String
        var l2: String
        var l3: String
        var name: String
        var confidence: DecimalText?
        var sentiment: String?
        var sentimentScore: DecimalText?
        var resolution: String?
        var keywords: [String]?
    }

    /// Generated intents (name as L1) then configured ones (their L1-L3 path), in record order.
    static func intents(of conversation: Conversation) -> [IntentRow] {
        var rows: [IntentRow] = []
        for intent in conversation.generatedIntents {
            let name = intent.name ?? "(unnamed intent)"
            rows.append(
                IntentRow(
                    source: "generated", l1: name, l2: "", l3: "", name: name, confidence: intent.confidence,
                    sentiment: intent.sentiment, sentimentScore: intent.sentimentScore, resolution: intent.resolution,
                    keywords: intent.keywords.isEmpty ? nil : intent.keywords))
        }
        for intent in conversation.configuredIntents {
            let path = [intent.l1, intent.l2, intent.l3].compactMap { $0 }.filter { !$0.isEmpty }
            rows.append(
                IntentRow(
                    source: "configured", l1: intent.l1, l2: intent.l2 ?? "", l3: intent.l3 ?? "",
                    name: path.joined(separator: " > "), confidence: intent.confidence, sentiment: intent.sentiment,
                    sentimentScore: nil, resolution: intent.resolution, keywords: nil))
        }
        return rows
    }

    /// One row of `fact_voice_analytics`.
    struct VoiceRow: Equatable {
        var kind: String
        var ordinal: Int
        var speaker: String?
        var speakerId: String?
        var words: DecimalText?
        var timeTaken: DecimalText?
        var average: DecimalText?
        var score: DecimalText?
        var emotion: String?
        var duration: DecimalText?
        var proportion: DecimalText?
    }

    /// Speaking-rate entries then emotions, each numbered from 1 within its kind.
    static func voiceRows(of conversation: Conversation) -> [VoiceRow] {
        var rows: [VoiceRow] = []
        for (index, rate) in conversation.speakingRate.enumerated() {
            rows.append(
                VoiceRow(
                    kind: "speaking_rate", ordinal: index + 1, speaker: rate.source, speakerId: rate.sourceId,
                    words: rate.words, timeTaken: rate.timeTaken, average: rate.average, score: rate.score))
        }
        for (index, emotion) in conversation.emotions.enumerated() {
            rows.append(
                VoiceRow(
                    kind: "emotion", ordinal: index + 1,
                    speaker: emotion.source == .unknown ? nil : emotion.source.rawValue, emotion: emotion.emotion,
                    duration: emotion.duration, proportion: emotion.proportion))
        }
        return rows
    }
}

/// Everything about one conversation that does not change between epochs: the canonical values
/// plus the choices of how it is spelled. Audit fields and agent names come from the epoch.
struct ConversationRecord: Sendable {
    var header: ConversationHeader
    var style: RecordStyle
    var durationMs: Int64?
    var customConversationId: String?
    var language: String
    /// Kore evaluation score; nil when not evaluated.
    var score: Int?
    var fatalErrorCount: Int
    var agents: [AgentLink]
    var queues: [Int]
    var metrics: [MetricEntry]
    /// Position in `metrics` of the manual metric an auditor fills in, if the form has one.
    var manualMetricOrdinal: Int?
    /// Whether the manual metric's qualification is left out (rather than `"-"`) before an audit.
    var manualPendingAbsent: Bool
    var sentiment: String?
    /// Sentiment score scaled by 100 (-100 is -1.00); nil when unavailable.
    var sentimentScore: Int?
    var voice: VoiceAnalytics?
    var generatedIntents: [GeneratedIntent]
    var configuredIntents: [ConfiguredIntent]
    var taxonomyResolution: Bool?
    var customFields: [CustomField]
    var hasRecordings: Bool
    var isChurnRiskObserved: Bool
    var isEscalationObserved: Bool
    var formName: String
    var passScore: Int

    var id: String { header.id }
    var endMs: Int64? { durationMs.map { header.startMs + $0 } }
}

/// An agent on a conversation: an index into the agent directory and its per-conversation data.
struct AgentLink: Sendable {
    var agent: Int
    var empathyScore: Int
}

/// One metric entry on a record, in order; a record may list a metric twice or without its id.
struct MetricEntry: Sendable {
    var metric: Int
    var weight: Int
    var negativeWeight: Int
    var qualification: Qualification?
    var hasId: Bool
    var justification: Justification
}

enum Qualification: String, Sendable {
    case yes = "YES"
    case no = "NO"
    case notApplicable = "NA"
    case dash = "-"
}

enum Justification: Sendable {
    case none
    case messageTimestamps(Int64)
    case values(String, String)
}

struct VoiceAnalytics: Sendable {
    var agentWords: Int
    var customerWords: Int
    var agentTalkMs: Int
    var customerTalkMs: Int
    var patternStart: String
    var patternEnd: String
    var positive: Int
    var neutral: Int
    var customerEmotion: String
    var agentEmotion: String
    var emotionShare: Int
}

struct GeneratedIntent: Sendable {
    var name: String
    var keywords: [String]
    var emotion: String
    var sentiment: String
    /// Scaled by 100.
    var sentimentScore: Int
    /// Scaled by 100.
    var confidence: Int
    var resolved: Bool
}

struct ConfiguredIntent: Sendable {
    var l1: String
    var l2: String
    var l3: String
    /// Scaled by 100.
    var confidence: Int
    var sentiment: String
    var resolved: Bool
}

struct CustomField: Sendable {
    var key: String
    var value: String
}

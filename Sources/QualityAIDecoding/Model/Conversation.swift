/// One conversation record of the raw data API, in one shape whatever spelling the vendor used.
///
/// Every field but the id is optional: absent keys, `null`, `"NA"`, `"N/A"`, `"-"`, `""` and
/// values of an unusable type all read as nil (an unusable type also adds a line to `warnings`).
/// Text fields are trimmed; a number or boolean where text is expected is kept as its literal.
/// Lists keep the vendor's order and every entry, duplicates included.
public struct Conversation: Sendable, Hashable {
    /// The vendor's conversation id, trimmed of surrounding whitespace. Never empty.
    public var conversationId: String
    public var customConversationId: String?
    public var src: String?
    /// `inbound` / `outbound`, as the vendor wrote it.
    public var contactDirection: String?
    public var isDirectionDefaulted: Bool?
    /// `evaluated`, `below_threshold`, `duration_unavailable`, or nil (older contacts).
    public var durationStatus: String?
    public var language: String?
    public var conversationStart: Timestamp?
    public var conversationEnd: Timestamp?
    /// Duration in milliseconds, from a number or text such as `"99000 milliseconds"`.
    public var durationMs: Int64?
    /// AutoQA score (-100...100); nil when not evaluated (`null`, `"NA"`).
    public var koreEvaluationScore: DecimalText?
    public var passScore: DecimalText?
    public var isPassed: Bool?
    public var evaluationFormName: String?
    public var evaluationFormScoringType: String?
    public var fatalErrorCount: Int?
    /// The vendor's text, trimmed and otherwise verbatim: `Audited`, `Assigned`, `Not Assigned`,
    /// `Unassigned` (kept distinct; mapping them is a reporting decision, not a decoding one).
    public var auditStatus: String?
    public var auditScore: DecimalText?
    public var auditDate: Timestamp?
    public var auditor: String?
    public var agents: [Agent]
    public var queues: [Queue]
    /// Every metric entry in order, including duplicates and entries without an id.
    public var metrics: [Metric]
    public var sentiment: String?
    public var sentimentScore: DecimalText?
    public var sentimentRatio: SentimentRatio?
    public var sentimentPattern: SentimentPattern?
    public var isChurnRiskObserved: Bool?
    public var isEscalationObserved: Bool?
    /// A boolean or a string in the vendor's data; kept as text (`true`, `false`, `YES`, `NA`).
    public var taxonomyResolution: String?
    public var generatedIntents: [GeneratedIntent]
    /// The configured taxonomy flattened to one entry per leaf path, whatever its shape.
    public var configuredIntents: [ConfiguredIntent]
    public var speakingRate: [SpeakingRate]
    public var emotions: [Emotion]
    /// `custom_fields`, sorted by key (stable for duplicate keys).
    public var customFields: [CustomField]
    public var agentRecordings: [String]
    public var customerRecordings: [String]
    /// The record's exact JSON text, or a sanitised re-serialisation (see `rawWasSanitised`).
    public var raw: String
    /// True when `raw` had to be re-serialised because the record held text PostgreSQL `jsonb`
    /// rejects (`\u0000`, invalid UTF-8, unpaired surrogates); such text became U+FFFD.
    public var rawWasSanitised: Bool
    /// Type drift noticed while decoding, e.g. `koreEvaluationScore: unusable array`.
    public var warnings: [String]

    /// A conversation with only an id; set the other fields as needed.
    public init(conversationId: String) {
        self.conversationId = conversationId
        agents = []
        queues = []
        metrics = []
        generatedIntents = []
        configuredIntents = []
        speakingRate = []
        emotions = []
        customFields = []
        agentRecordings = []
        customerRecordings = []
        raw = ""
        rawWasSanitised = false
        warnings = []
    }
}

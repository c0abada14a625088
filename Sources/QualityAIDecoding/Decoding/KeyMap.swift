/// Every known spelling of every vendor key, per object kind, in one place.
///
/// Spellings are matched after normalisation (ASCII lowercase, spaces and underscores dropped;
/// see `KeyTable`), so one entry covers `conversationId`, `"Conversation ID"` and
/// `conversation_id`. Add a spelling here when the vendor invents one.
enum KeyMap {
    static let envelope = table(
        EnvelopeField.self,
        [
            .results: ["results"], .totalResults: ["totalResults"], .totalPages: ["totalPages"], .hasMore: ["hasMore"],
        ])

    static let record = table(
        RecordField.self,
        [
            .conversationId: ["conversationId", "Conversation ID"],
            .customConversationId: ["customConversationId", "Custom Conversation ID"],
            .src: ["src"],
            .contactDirection: ["contact_direction", "Contact Direction", "direction"],
            .isDirectionDefaulted: ["is_direction_defaulted", "Is Direction Defaulted", "directionDefaulted"],
            .durationStatus: ["duration_status", "Duration Status"],
            .language: ["language"],
            .conversationStart: ["conversationStartTime", "Conversation Start Time", "conversationStart", "startTime"],
            .conversationEnd: ["conversationEndTime", "Conversation End Time", "conversationEnd", "endTime"],
            .duration: ["duration", "durationMs", "Duration (ms)"],
            .koreEvaluationScore: [
                "koreEvaluationScore", "koreEvalutionScore", "Kore Evaluation Score", "Kore Evalution Score",
                "evaluationScore",
            ],
            .passScore: ["Pass Score"],
            .isPassed: ["IsPassed", "passed"],
            .evaluationFormName: ["Evaluation Form Name", "formName"],
            .evaluationFormScoringType: ["Evaluation Form Scoring Type", "scoringType"],
            .fatalErrorCount: ["fatalErrorCount", "Fatal Errors", "Fatal Error Count"],
            .auditStatus: ["AuditStatus", "Audit Status"],
            .auditScore: ["AuditScore", "Audit Score"],
            .auditDate: ["audit_date", "Audit Date"],
            .auditor: ["auditor", "Auditor Name"],
            .agents: ["Agents"],
            .queues: ["Queues"],
            .metrics: ["Metrics"],
            .sentiment: ["sentiment", "Overall Sentiment"],
            .sentimentScore: ["sentimentScore", "Sentiment Score"],
            .sentimentRatio: ["sentimentRatio", "Sentiment Ratio"],
            .sentimentPattern: ["sentimentPattern", "Sentiment Pattern"],
            .isChurnRiskObserved: ["IsChurnRiskObserved", "Churn Risk Observed"],
            .isEscalationObserved: ["IsEscalationObserved", "Escalation Observed"],
            .taxonomyResolution: ["Taxonomy Resolution"],
            .generatedIntents: ["generatedIntents", "Generated Intents"],
            .configuredIntents: ["configuredIntents", "Configured Intents", "Intents", "Topics"],
            .speakingRate: ["speakingRate", "Speaking Rate"],
            .emotions: ["emotions"],
            .customerEmotions: ["Customer emotions"],
            .agentEmotions: ["Agent emotions"],
            .customFields: ["custom_fields", "Custom Fields"],
            .agentRecordings: ["agentRecordings", "Agent Recordings"],
            .customerRecordings: ["customerRecordings", "Customer Recordings"],
        ])

    static let agent = table(
        AgentField.self,
        [
            .id: ["Agent ID", "id"], .name: ["Agent Name", "name"], .email: ["Agent Email", "email"],
            .startTime: ["Agent Start Time", "startTime"], .empathyScore: ["Empathy Score", "Agent Empathy Score"],
        ])

    static let queue = table(QueueField.self, [.id: ["Queue ID", "id"], .name: ["Queue Name", "name"]])

    static let metric = table(
        MetricField.self,
        [
            .id: ["Metric ID", "id"], .name: ["Metric Name", "name"], .weight: ["Metric Weight", "weight"],
            .negativeWeight: ["Metric Negative Weight", "negativeWeight"], .qualification: ["Qualification"],
            .isFatalError: ["isFatalError", "Fatal Error"], .auditorResponse: ["Auditor Response"],
            .triggerJustification: ["triggerJustification"], .justification: ["justification"],
        ])

    static let generatedIntent = table(
        GeneratedIntentField.self,
        [
            .name: ["intent", "topic", "name", "Intent Name", "Topic Name"],
            .confidence: ["confidence", "Confidence Score"], .sentiment: ["sentiment"],
            .sentimentScore: ["Sentiment Score"], .resolution: ["resolution"], .keywords: ["keywords"],
        ])

    static let configuredIntent = table(
        ConfiguredIntentField.self,
        [
            .l1: ["L1"], .l2: ["L2"], .l3: ["L3"], .name: ["topic_name", "name", "intent", "topic", "Intent Name"],
            .level: ["level"], .confidence: ["confidence", "Confidence Score"], .sentiment: ["sentiment"],
            .resolution: ["resolution"],
            .children: ["L2_topics", "L3_topics", "topics", "intents", "subtopics", "Sub Topics", "children"],
            .taxonomyResolution: ["Taxonomy Resolution"],
        ])

    static let speakingRate = table(
        SpeakingRateField.self,
        [
            .words: ["nWords", "Number of Words", "words"], .timeTaken: ["timeTaken"], .average: ["average"],
            .score: ["score"], .source: ["source"], .sourceId: ["sourceId", "Source ID"],
        ])

    static let emotion = table(
        EmotionField.self,
        [
            .emotion: ["emotion", "name"], .duration: ["duration"], .proportion: ["proportion"],
            .source: ["source", "speaker"],
        ])

    static let sentimentRatio = table(
        SentimentRatioField.self,
        [
            .positive: ["positive"], .neutral: ["neutral"], .negative: ["negative"],
        ])

    static let sentimentPattern = table(SentimentPatternField.self, [.start: ["start"], .end: ["end"]])

    private static func table<Field: RawRepresentable<UInt8> & CaseIterable>(
        _ type: Field.Type, _ spellings: [Field: [String]]
    ) -> KeyTable {
        var entries: [(String, UInt8)] = []
        for field in Field.allCases {
            for spelling in spellings[field] ?? [] { entries.append((spelling, field.rawValue)) }
            entries.append((String(describing: field), field.rawValue))
        }
        return KeyTable(entries)
    }
}

// The fields `KeyMap` maps keys to, one enum per object kind. The case name is itself a spelling.

enum EnvelopeField: UInt8, CaseIterable { case results, totalResults, totalPages, hasMore }

enum RecordField: UInt8, CaseIterable {
    case conversationId, customConversationId, src, contactDirection, isDirectionDefaulted, durationStatus
    case language, conversationStart, conversationEnd, duration, koreEvaluationScore, passScore, isPassed
    case evaluationFormName, evaluationFormScoringType, fatalErrorCount
    case auditStatus, auditScore, auditDate, auditor, agents, queues, metrics
    case sentiment, sentimentScore, sentimentRatio, sentimentPattern, isChurnRiskObserved, isEscalationObserved
    case taxonomyResolution, generatedIntents, configuredIntents, speakingRate
    case emotions, customerEmotions, agentEmotions, customFields, agentRecordings, customerRecordings
}

enum AgentField: UInt8, CaseIterable { case id, name, email, startTime, empathyScore }

enum QueueField: UInt8, CaseIterable { case id, name }

enum MetricField: UInt8, CaseIterable {
    case id, name, weight, negativeWeight
    case qualification, isFatalError, auditorResponse, triggerJustification, justification
}

enum GeneratedIntentField: UInt8, CaseIterable {
    case name, confidence, sentiment, sentimentScore, resolution, keywords
}

enum ConfiguredIntentField: UInt8, CaseIterable {
    case l1, l2, l3, name, level, confidence, sentiment, resolution, children, taxonomyResolution
}

enum SpeakingRateField: UInt8, CaseIterable { case words, timeTaken, average, score, source, sourceId }

enum EmotionField: UInt8, CaseIterable { case emotion, duration, proportion, source }

enum SentimentRatioField: UInt8, CaseIterable { case positive, neutral, negative }

enum SentimentPatternField: UInt8, CaseIterable { case start, end }

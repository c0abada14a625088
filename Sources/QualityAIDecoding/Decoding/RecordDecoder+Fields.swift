extension RecordDecoder {
    /// Reads one top-level member into `conversation`. A null or unusable value never erases a
    /// value read from another spelling of the same key; a list is taken from its first non-empty
    /// spelling.
    mutating func apply(_ field: RecordField, _ value: Int, to conversation: inout Conversation) {
        let name = field
        func label() -> String { String(describing: name) }
        switch field {
        case .conversationId: break
        case .customConversationId:
            conversation.customConversationId = text(value, label()) ?? conversation.customConversationId
        case .src: conversation.src = text(value, label()) ?? conversation.src
        case .contactDirection: conversation.contactDirection = text(value, label()) ?? conversation.contactDirection
        case .isDirectionDefaulted:
            conversation.isDirectionDefaulted =
                read(value, label(), ValueReader.bool) ?? conversation.isDirectionDefaulted
        case .durationStatus: conversation.durationStatus = text(value, label()) ?? conversation.durationStatus
        case .language: conversation.language = text(value, label()) ?? conversation.language
        case .conversationStart:
            conversation.conversationStart =
                read(value, label(), ValueReader.timestamp) ?? conversation.conversationStart
        case .conversationEnd:
            conversation.conversationEnd = read(value, label(), ValueReader.timestamp) ?? conversation.conversationEnd
        case .duration:
            conversation.durationMs = read(value, label(), ValueReader.durationMs) ?? conversation.durationMs
        case .koreEvaluationScore:
            conversation.koreEvaluationScore = decimal(value, label()) ?? conversation.koreEvaluationScore
        case .passScore: conversation.passScore = decimal(value, label()) ?? conversation.passScore
        case .isPassed: conversation.isPassed = read(value, label(), ValueReader.bool) ?? conversation.isPassed
        case .evaluationFormName:
            conversation.evaluationFormName = text(value, label()) ?? conversation.evaluationFormName
        case .evaluationFormScoringType:
            conversation.evaluationFormScoringType = text(value, label()) ?? conversation.evaluationFormScoringType
        case .fatalErrorCount:
            conversation.fatalErrorCount = read(value, label(), ValueReader.int32) ?? conversation.fatalErrorCount
        case .auditStatus: conversation.auditStatus = text(value, label()) ?? conversation.auditStatus
        case .auditScore: conversation.auditScore = decimal(value, label()) ?? conversation.auditScore
        case .auditDate: conversation.auditDate = read(value, label(), ValueReader.timestamp) ?? conversation.auditDate
        case .auditor: conversation.auditor = text(value, label()) ?? conversation.auditor
        case .agents: if conversation.agents.isEmpty { conversation.agents = agents(value) }
        case .queues: if conversation.queues.isEmpty { conversation.queues = queues(value) }
        case .metrics: if conversation.metrics.isEmpty { conversation.metrics = metrics(value) }
        case .sentiment: conversation.sentiment = text(value, label()) ?? conversation.sentiment
        case .sentimentScore: conversation.sentimentScore = decimal(value, label()) ?? conversation.sentimentScore
        case .sentimentRatio: conversation.sentimentRatio = sentimentRatio(value) ?? conversation.sentimentRatio
        case .sentimentPattern: conversation.sentimentPattern = sentimentPattern(value) ?? conversation.sentimentPattern
        case .isChurnRiskObserved:
            conversation.isChurnRiskObserved =
                read(value, label(), ValueReader.bool) ?? conversation.isChurnRiskObserved
        case .isEscalationObserved:
            conversation.isEscalationObserved =
                read(value, label(), ValueReader.bool) ?? conversation.isEscalationObserved
        case .taxonomyResolution:
            conversation.taxonomyResolution = verbatim(value, label()) ?? conversation.taxonomyResolution
        case .generatedIntents:
            if conversation.generatedIntents.isEmpty { conversation.generatedIntents = generatedIntents(value) }
        case .configuredIntents: configuredIntents(value, into: &conversation)
        case .speakingRate: if conversation.speakingRate.isEmpty { conversation.speakingRate = speakingRates(value) }
        case .emotions: conversation.emotions += emotions(value, source: .unknown)
        case .customerEmotions: conversation.emotions += emotions(value, source: .customer)
        case .agentEmotions: conversation.emotions += emotions(value, source: .agent)
        case .customFields: if conversation.customFields.isEmpty { conversation.customFields = customFields(value) }
        case .agentRecordings:
            if conversation.agentRecordings.isEmpty { conversation.agentRecordings = strings(value, label()) }
        case .customerRecordings:
            if conversation.customerRecordings.isEmpty { conversation.customerRecordings = strings(value, label()) }
        }
    }
}

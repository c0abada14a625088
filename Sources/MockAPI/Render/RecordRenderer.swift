/// Writes one conversation as a vendor record, in the spelling its style picked, with the audit
/// fields and agent names of the current epoch.
struct RecordRenderer {
    let directory: AgentDirectory
    let agentNames: [String]
    let stream: String
    /// Leave the conversation id (and `src`) out, as the `missingIdEvery` fault asks.
    var omitsId = false

    func render(_ record: ConversationRecord, audit: AuditState, into w: inout JSONWriter) {
        let style = record.style
        w.beginObject()
        switch style.family {
        case .sample:
            identity(record, &w, idKey: .camel)
            direction(record, &w)
            auditFields(record, audit, &w)
            queues(record, &w)
            agents(record, &w)
            w.key("koreEvalutionScore")
            w.int(record.score)
            w.key("fatalErrorCount")
            w.int(record.fatalErrorCount)
            w.key("Language")
            text(record.language, record, &w)
            durationStatus(record, &w)
            metrics(record, audit, &w)
            times(record, &w)
            analytics(record, &w)
        case .camel:
            identity(record, &w, idKey: .camel)
            times(record, &w)
            w.key("language")
            text(record.language, record, &w)
            direction(record, &w)
            durationStatus(record, &w)
            auditFields(record, audit, &w)
            w.key("koreEvaluationScore")
            w.int(record.score)
            w.key("fatalErrorCount")
            w.int(record.fatalErrorCount)
            agents(record, &w)
            queues(record, &w)
            metrics(record, audit, &w)
            analytics(record, &w)
        case .title:
            identity(record, &w, idKey: .title)
            times(record, &w)
            w.key("Language")
            text(record.language, record, &w)
            direction(record, &w)
            durationStatus(record, &w)
            auditFields(record, audit, &w)
            evaluationSummary(record, &w)
            agents(record, &w)
            queues(record, &w)
            metrics(record, audit, &w)
            analytics(record, &w)
            w.key("IsChurnRiskObserved")
            w.bool(record.isChurnRiskObserved)
            w.key("IsEscalationObserved")
            w.bool(record.isEscalationObserved)
        }
        customFieldsAndRecordings(record, &w)
        w.endObject()
    }

    enum IdKey { case camel, title }

    func text(_ value: String?, _ record: ConversationRecord, _ w: inout JSONWriter) {
        w.string(value, asciiOnly: record.style.asciiEscaped)
    }

    private func identity(_ record: ConversationRecord, _ w: inout JSONWriter, idKey: IdKey) {
        if !omitsId {
            if idKey == .camel { w.key("conversationId") } else { w.key("Conversation ID") }
            let padding = record.style.idPadding
            w.string(padding == 0 ? record.id : record.id + String(repeating: " ", count: padding))
        }
        if record.style.withSource, !omitsId {
            w.key("src")
            w.string(record.id)
        }
        if let custom = record.customConversationId {
            w.key("customConversationId")
            w.string(custom)
        }
    }

    private func direction(_ record: ConversationRecord, _ w: inout JSONWriter) {
        if record.style.camelDirection { w.key("contactDirection") } else { w.key("contact_direction") }
        w.string(record.header.direction.rawValue)
        w.key("is_direction_defaulted")
        w.bool(record.header.isDirectionDefaulted)
    }

    private func durationStatus(_ record: ConversationRecord, _ w: inout JSONWriter) {
        w.key("duration_status")
        w.string(record.header.durationStatus?.rawValue)
    }

    private func times(_ record: ConversationRecord, _ w: inout JSONWriter) {
        guard !record.style.omitTimes else { return }
        let title = record.style.family == .title
        let fraction = record.header.startHasFraction
        if title { w.key("Conversation Start Time") } else { w.key("conversationStartTime") }
        w.isoTime(milliseconds: record.header.startMs, withFraction: fraction)
        guard let duration = record.durationMs, let end = record.endMs else { return }
        if title { w.key("Conversation End Time") } else { w.key("conversationEndTime") }
        w.isoTime(milliseconds: end, withFraction: fraction)
        if title { w.key("Duration") } else { w.key("duration") }
        if record.style.durationAsText {
            w.string("\(duration) milliseconds")
        } else {
            w.int64(duration)
        }
    }

    private func evaluationSummary(_ record: ConversationRecord, _ w: inout JSONWriter) {
        w.key("Kore Evaluation Score")
        if let score = record.score { w.int(score) } else { w.string("NA") }
        w.key("Pass Score")
        w.int(record.passScore)
        w.key("IsPassed")
        if let score = record.score { w.bool(score >= record.passScore) } else { w.null() }
        w.key("Evaluation Form Name")
        text(record.formName, record, &w)
        w.key("Evaluation Form Scoring Type")
        w.string(record.header.index % 5 == 0 ? "Pass/Fail" : "Weighted Scoring")
        w.key("Fatal Errors")
        w.int(record.fatalErrorCount)
    }
}

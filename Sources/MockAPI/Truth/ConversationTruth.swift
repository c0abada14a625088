/// The canonical values of one conversation at an epoch or simulated time, for field-by-field
/// comparison with what a loader stored: id trimmed, times ISO (null where the record carries
/// none), agents with their current names, metrics in record order. In clock mode `clock` adds
/// `at`, `auditChangedAt` and `auditChanges` (epoch seconds).
enum ConversationTruth {
    static func json(
        _ record: ConversationRecord, audit: AuditState, stream: String, moment: MockMoment, renameSteps: Int,
        directory: AgentDirectory, clock: ConversationAuditTruth? = nil
    ) -> [UInt8] {
        let names = directory.agentNames(epoch: renameSteps)
        let showTimes = !record.style.omitTimes
        var w = JSONWriter(capacity: 2_048)
        w.beginObject()
        w.key("conversationId")
        w.string(record.id)
        w.key("renderedId")
        w.string(record.id + String(repeating: " ", count: record.style.idPadding))
        w.key("streamId")
        w.string(stream)
        WindowTruth.moment(moment, &w)
        clock?.writeChanges(into: &w)
        w.key("style")
        w.string("\(record.style.family)")
        w.key("customConversationId")
        w.string(record.customConversationId)
        w.key("filterTime")
        w.spacedTime(record.header.startSecond)
        w.key("start")
        if showTimes { w.isoTime(milliseconds: record.header.startMs, withFraction: true) } else { w.null() }
        w.key("end")
        if showTimes, let end = record.endMs { w.isoTime(milliseconds: end, withFraction: true) } else { w.null() }
        w.key("durationMs")
        if showTimes, let duration = record.durationMs { w.int64(duration) } else { w.null() }
        w.key("contactDirection")
        w.string(record.header.direction.rawValue)
        w.key("isDirectionDefaulted")
        w.bool(record.header.isDirectionDefaulted)
        w.key("durationStatus")
        w.string(record.header.durationStatus?.rawValue)
        w.key("language")
        w.string(record.language)
        w.key("koreEvaluationScore")
        w.int(record.score)
        w.key("fatalErrorCount")
        w.int(record.fatalErrorCount)
        w.key("auditStatus")
        w.string(audit.status.rawValue)
        w.key("auditScore")
        w.int(audit.score)
        w.key("auditDate")
        if let date = audit.date { w.spacedTime(date) } else { w.null() }
        w.key("auditor")
        w.string(audit.auditor)
        w.key("sentiment")
        w.string(record.sentiment)
        w.key("sentimentScore")
        if let score = record.sentimentScore { w.decimal(score, scale: 2) } else { w.null() }
        w.key("agents")
        w.beginArray()
        for link in record.agents {
            w.beginObject()
            w.key("agentId")
            w.string(directory.agentIds[link.agent])
            w.key("agentName")
            w.string(names[link.agent])
            w.key("agentEmail")
            w.string(record.style.family == .sample ? nil : directory.agentEmails[link.agent])
            w.endObject()
        }
        w.endArray()
        w.key("queues")
        w.beginArray()
        for queue in record.queues {
            w.beginObject()
            w.key("queueId")
            w.string(directory.queueIds[queue])
            w.key("queueName")
            w.string(Pools.queueNames[queue])
            w.endObject()
        }
        w.endArray()
        metrics(record, audit: audit, directory: directory, &w)
        w.key("customFields")
        w.beginObject()
        for field in record.customFields {
            w.key(text: field.key)
            w.string(field.value)
        }
        w.endObject()
        w.key("hasRecordings")
        w.bool(record.hasRecordings)
        w.endObject()
        return w.bytes
    }

    private static func metrics(
        _ record: ConversationRecord, audit: AuditState, directory: AgentDirectory, _ w: inout JSONWriter
    ) {
        w.key("metrics")
        w.beginArray()
        for (ordinal, entry) in record.metrics.enumerated() {
            let definition = Pools.metrics[entry.metric]
            w.beginObject()
            w.key("ordinal")
            w.int(ordinal + 1)
            w.key("metricId")
            w.string(entry.hasId ? directory.metricIds[entry.metric] : nil)
            w.key("metricName")
            w.string(definition.name)
            w.key("weight")
            w.int(entry.weight)
            w.key("negativeWeight")
            w.int(entry.negativeWeight)
            w.key("qualification")
            w.string(RecordRenderer.qualification(record, ordinal: ordinal, audit: audit)?.rawValue)
            w.key("isFatalError")
            w.bool(definition.isFatal)
            w.endObject()
        }
        w.endArray()
    }
}

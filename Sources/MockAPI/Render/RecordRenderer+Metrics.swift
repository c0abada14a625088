extension RecordRenderer {
    /// `Metrics[{"Metric ID",...}]` or `metrics[{metricId,...}]`, in record order. An entry may
    /// lack its id, a metric may appear twice, and the manual metric shows the auditor's answer.
    func metrics(_ record: ConversationRecord, _ audit: AuditState, _ w: inout JSONWriter) {
        let camel = record.style.family == .camel
        if camel { w.key("metrics") } else { w.key("Metrics") }
        w.beginArray()
        for (ordinal, entry) in record.metrics.enumerated() {
            let definition = Pools.metrics[entry.metric]
            w.beginObject()
            if entry.hasId {
                if camel { w.key("metricId") } else { w.key("Metric ID") }
                w.string(directory.metricIds[entry.metric])
            }
            if camel { w.key("metricName") } else { w.key("Metric Name") }
            text(definition.name, record, &w)
            if camel { w.key("metricWeight") } else { w.key("Metric Weight") }
            w.int(entry.weight)
            if camel { w.key("metricNegativeWeight") } else { w.key("Metric Negative Weight") }
            w.int(entry.negativeWeight)
            if let qualification = Self.qualification(record, ordinal: ordinal, audit: audit) {
                if camel { w.key("qualification") } else { w.key("Qualification") }
                w.string(qualification.rawValue)
            }
            w.key("isFatalError")
            w.bool(definition.isFatal)
            if ordinal == record.manualMetricOrdinal, record.style.family == .title,
                let response = audit.auditorResponse
            {
                w.key("Auditor Response")
                w.string(response)
            }
            justification(entry.justification, record, &w)
            w.endObject()
        }
        w.endArray()
    }

    /// The qualification a metric entry shows at an epoch (nil: the key is absent).
    static func qualification(_ record: ConversationRecord, ordinal: Int, audit: AuditState) -> Qualification? {
        guard ordinal == record.manualMetricOrdinal else { return record.metrics[ordinal].qualification }
        if let answer = audit.manualQualification { return answer }
        return record.manualPendingAbsent ? nil : .dash
    }

    private func justification(_ justification: Justification, _ record: ConversationRecord, _ w: inout JSONWriter) {
        switch justification {
        case .none:
            return
        case .messageTimestamps(let offset):
            w.key("triggerJustification")
            w.beginArray()
            w.beginObject()
            w.key("message_id")
            w.beginArray()
            w.string("m-\(record.header.index)-1")
            w.string("m-\(record.header.index)-2")
            w.endArray()
            w.key("timestamp")
            w.beginArray()
            w.int64(record.header.startMs + offset)
            w.int64(record.header.startMs + offset + 1_500)
            w.endArray()
            w.endObject()
            w.endArray()
        case .values(let source, let mentioned):
            w.key("justification")
            w.beginArray()
            w.beginObject()
            w.key("sourceSystemValue")
            w.string(source)
            w.key("agentMentionedValue")
            w.string(mentioned)
            w.endObject()
            w.endArray()
        }
    }
}

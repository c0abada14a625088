extension RecordRenderer {
    /// `Agents[{"Agent ID","Agent Name"}]` (sample), `Agents[{agentId,"Agent Name","Agent Start Time",
    /// "Agent Email","Empathy Score"}]` (current, mixed) or `agents[{agentId, agentName, agentEmail}]`.
    func agents(_ record: ConversationRecord, _ w: inout JSONWriter) {
        let family = record.style.family
        if family == .camel { w.key("agents") } else { w.key("Agents") }
        w.beginArray()
        for link in record.agents {
            w.beginObject()
            switch family {
            case .sample:
                w.key("Agent ID")
                w.string(directory.agentIds[link.agent])
                w.key("Agent Name")
                text(agentNames[link.agent], record, &w)
            case .title:
                w.key("agentId")
                w.string(directory.agentIds[link.agent])
                w.key("Agent Name")
                text(agentNames[link.agent], record, &w)
                if !record.style.omitTimes {
                    w.key("Agent Start Time")
                    w.isoTime(milliseconds: record.header.startMs, withFraction: record.header.startHasFraction)
                }
                w.key("Agent Email")
                w.string(directory.agentEmails[link.agent])
                w.key("Empathy Score")
                w.int(link.empathyScore)
            case .camel:
                w.key("agentId")
                w.string(directory.agentIds[link.agent])
                w.key("agentName")
                text(agentNames[link.agent], record, &w)
                w.key("agentEmail")
                w.string(directory.agentEmails[link.agent])
            }
            w.endObject()
        }
        w.endArray()
    }

    /// `Queues[{"Queue ID","Queue Name"}]` or `queues[{queueId, queueName}]`.
    func queues(_ record: ConversationRecord, _ w: inout JSONWriter) {
        let camel = record.style.family == .camel
        if camel { w.key("queues") } else { w.key("Queues") }
        w.beginArray()
        for queue in record.queues {
            w.beginObject()
            if camel { w.key("queueId") } else { w.key("Queue ID") }
            w.string(directory.queueIds[queue])
            if camel { w.key("queueName") } else { w.key("Queue Name") }
            text(Pools.queueNames[queue], record, &w)
            w.endObject()
        }
        w.endArray()
    }
}

extension RecordRenderer {
    /// Sentiment, intents and voice analytics, in the family's spelling.
    func analytics(_ record: ConversationRecord, _ w: inout JSONWriter) {
        w.key("sentiment")
        w.string(record.sentiment)
        w.key("sentimentScore")
        if let score = record.sentimentScore { w.decimal(score, scale: 2) } else { w.null() }
        generatedIntents(record, &w)
        configuredIntents(record, &w)
        taxonomyResolution(record, &w)
        voice(record, &w)
    }

    private func generatedIntents(_ record: ConversationRecord, _ w: inout JSONWriter) {
        guard !record.generatedIntents.isEmpty else { return }
        if record.style.family == .title { w.key("Generated Intents") } else { w.key("generatedIntents") }
        w.beginArray()
        for intent in record.generatedIntents {
            w.beginObject()
            switch record.style.generated {
            case .intent, .topic:
                if record.style.generated == .intent { w.key("intent") } else { w.key("topic") }
                text(intent.name, record, &w)
                w.key("keywords")
                w.beginArray()
                for keyword in intent.keywords { w.string(keyword) }
                w.endArray()
                w.key("emotions")
                w.beginArray()
                w.string(intent.emotion)
                w.endArray()
                w.key("Sentiment")
                w.string(intent.sentiment)
                w.key("Sentiment Score")
                w.decimal(intent.sentimentScore, scale: 2)
            case .name:
                w.key("name")
                text(intent.name, record, &w)
                w.key("confidence")
                w.decimal(intent.confidence, scale: 2)
                w.key("sentiment")
                w.string(intent.sentiment)
                w.key("resolution")
                w.bool(intent.resolved)
            }
            w.endObject()
        }
        w.endArray()
    }

    private func configuredIntents(_ record: ConversationRecord, _ w: inout JSONWriter) {
        let intents = record.configuredIntents
        let key: StaticString = record.style.family == .title ? "Configured_Intents" : "configuredIntents"
        switch record.style.configured {
        case .absent:
            return
        case .topicsTree:
            w.key(key)
            w.beginObject()
            w.key("topics")
            w.beginArray()
            for intent in intents { topicNode(intent, &w) }
            w.endArray()
            w.key("total_topics_identified")
            w.int(intents.count * 3)
            w.endObject()
        case .flat:
            w.key(key)
            flatIntent(intents[0], &w)
        case .flatList:
            w.key(key)
            w.beginArray()
            for intent in intents { flatIntent(intent, &w) }
            w.endArray()
        case .intentsTopics2024:
            w.key("Intents")
            w.beginArray()
            for intent in intents { flatIntent(intent, &w) }
            w.endArray()
            w.key("Topics")
            w.beginArray()
            for intent in intents { w.string("\(intent.l1) > \(intent.l2) > \(intent.l3)") }
            w.endArray()
        }
    }

    private func topicNode(_ intent: ConfiguredIntent, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("topic_name")
        w.string(intent.l1)
        w.key("level")
        w.string("L1")
        w.key("confidence_score")
        w.decimal(intent.confidence, scale: 2)
        w.key("L2_topics")
        w.beginArray()
        w.beginObject()
        w.key("topic_name")
        w.string(intent.l2)
        w.key("confidence_score")
        w.decimal(max(intent.confidence - 5, 0), scale: 2)
        w.key("L3_topics")
        w.beginArray()
        w.beginObject()
        w.key("topic_name")
        w.string(intent.l3)
        w.key("confidence_score")
        w.decimal(max(intent.confidence - 10, 0), scale: 2)
        w.key("sentiment")
        w.string(intent.sentiment)
        w.key("resolution")
        w.string(intent.resolved ? "resolved" : "unresolved")
        w.endObject()
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
    }

    private func flatIntent(_ intent: ConfiguredIntent, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("L1")
        w.string(intent.l1)
        w.key("L2")
        w.string(intent.l2)
        w.key("L3")
        w.string(intent.l3)
        w.key("confidence")
        w.decimal(intent.confidence, scale: 2)
        w.key("sentiment")
        w.string(intent.sentiment)
        w.key("resolution")
        w.bool(intent.resolved)
        w.endObject()
    }

    /// `"Taxonomy Resolution"`: a boolean in one version, `"YES"`/`"false"` in others; `"NA"` when unknown.
    private func taxonomyResolution(_ record: ConversationRecord, _ w: inout JSONWriter) {
        switch record.style.taxonomy {
        case .absent:
            return
        case .bool:
            w.key("Taxonomy Resolution")
            if let resolved = record.taxonomyResolution { w.bool(resolved) } else { w.string("NA") }
        case .text:
            w.key("Taxonomy Resolution")
            w.string(record.taxonomyResolution.map { $0 ? "YES" : "false" } ?? "NA")
        }
    }
}

extension RecordRenderer {
    /// Speaking rate, sentiment pattern, emotions and sentiment ratio (voice conversations only).
    func voice(_ record: ConversationRecord, _ w: inout JSONWriter) {
        guard let voice = record.voice else { return }
        let title = record.style.family == .title
        if title { w.key("Speaking Rate") } else { w.key("speakingRate") }
        w.beginArray()
        let agentId = record.agents.first.map { directory.agentIds[$0.agent] } ?? ""
        speakingRate(words: voice.agentWords, ms: voice.agentTalkMs, source: "agent", sourceId: agentId, &w)
        speakingRate(words: voice.customerWords, ms: voice.customerTalkMs, source: "customer", sourceId: "customer", &w)
        w.endArray()
        if title { w.key("Sentiment Pattern") } else { w.key("sentimentPattern") }
        w.beginObject()
        w.key("start")
        w.string(voice.patternStart)
        w.key("end")
        w.string(voice.patternEnd)
        w.endObject()
        emotions(voice, record.style.emotions, &w)
        if title { w.key("Sentiment Ratio") } else { w.key("sentimentRatio") }
        w.beginObject()
        w.key("positive")
        w.int(voice.positive)
        w.key("neutral")
        w.int(voice.neutral)
        w.key("negative")
        w.int(100 - voice.positive - voice.neutral)
        w.endObject()
    }

    private func speakingRate(words: Int, ms: Int, source: String, sourceId: String, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("nWords")
        w.int(words)
        w.key("timeTaken")
        w.int(ms)
        w.key("average")
        w.decimal(words * 6_000_000 / max(ms, 1), scale: 2)
        w.key("score")
        w.int(min(100, words * 60_000 / max(ms, 1)))
        w.key("source")
        w.string(source)
        w.key("sourceId")
        w.string(sourceId)
        w.endObject()
    }

    private func emotions(_ voice: VoiceAnalytics, _ style: RecordStyle.Emotions, _ w: inout JSONWriter) {
        switch style {
        case .split:
            w.key("Customer emotions")
            emotionList([(voice.customerEmotion, voice.customerTalkMs)], share: voice.emotionShare, &w)
            w.key("Agent emotions")
            emotionList([(voice.agentEmotion, voice.agentTalkMs)], share: voice.emotionShare, &w)
        case .lowercase, .capitalised:
            if style == .lowercase { w.key("emotions") } else { w.key("Emotions") }
            emotionList(
                [(voice.customerEmotion, voice.customerTalkMs), (voice.agentEmotion, voice.agentTalkMs)],
                share: voice.emotionShare, &w)
        }
    }

    private func emotionList(_ items: [(String, Int)], share: Int, _ w: inout JSONWriter) {
        w.beginArray()
        for (emotion, talkMs) in items {
            w.beginObject()
            w.key("emotion")
            w.string(emotion)
            w.key("duration")
            w.int(talkMs * share / 100)
            w.key("proportion")
            w.decimal(share, scale: 2)
            w.endObject()
        }
        w.endArray()
    }

    /// `custom_fields` and the recording links.
    func customFieldsAndRecordings(_ record: ConversationRecord, _ w: inout JSONWriter) {
        if !record.customFields.isEmpty {
            w.key("custom_fields")
            w.beginObject()
            for field in record.customFields {
                w.key(text: field.key)
                text(field.value, record, &w)
            }
            w.endObject()
        }
        guard record.hasRecordings else { return }
        let base = "https://recordings.mock.invalid/\(stream)/\(record.id)"
        w.key("agentRecordings")
        w.beginArray()
        w.string(base + "/agent.wav")
        w.endArray()
        w.key("customerRecordings")
        w.beginArray()
        w.string(base + "/customer.wav")
        w.endArray()
    }
}

extension RecordDecoder {
    mutating func sentimentRatio(_ node: Int) -> Conversation.SentimentRatio? {
        guard tape[node].kind == .object else {
            if !ValueReader.isAbsent(tape, node) { drift("sentimentRatio", node) }
            return nil
        }
        var ratio = Conversation.SentimentRatio()
        let table = KeyMap.sentimentRatio
        tape.forEachMember(of: node) { key, value in
            switch KeyMap.code(table, tape, key).flatMap(SentimentRatioField.init) {
            case .positive: ratio.positive = decimal(value, "sentimentRatio.positive") ?? ratio.positive
            case .neutral: ratio.neutral = decimal(value, "sentimentRatio.neutral") ?? ratio.neutral
            case .negative: ratio.negative = decimal(value, "sentimentRatio.negative") ?? ratio.negative
            case nil: break
            }
        }
        return ratio == Conversation.SentimentRatio() ? nil : ratio
    }

    mutating func sentimentPattern(_ node: Int) -> Conversation.SentimentPattern? {
        guard tape[node].kind == .object else {
            if !ValueReader.isAbsent(tape, node) { drift("sentimentPattern", node) }
            return nil
        }
        var pattern = Conversation.SentimentPattern()
        let table = KeyMap.sentimentPattern
        tape.forEachMember(of: node) { key, value in
            switch KeyMap.code(table, tape, key).flatMap(SentimentPatternField.init) {
            case .start: pattern.start = text(value, "sentimentPattern.start") ?? pattern.start
            case .end: pattern.end = text(value, "sentimentPattern.end") ?? pattern.end
            case nil: break
            }
        }
        return pattern == Conversation.SentimentPattern() ? nil : pattern
    }

    mutating func speakingRates(_ node: Int) -> [Conversation.SpeakingRate] {
        var result: [Conversation.SpeakingRate] = []
        let table = KeyMap.speakingRate
        forEachObject(node, "speakingRate") { decoder, object in
            var rate = Conversation.SpeakingRate()
            decoder.tape.forEachMember(of: object) { key, value in
                switch KeyMap.code(table, decoder.tape, key).flatMap(SpeakingRateField.init) {
                case .words: rate.words = decoder.decimal(value, "speakingRate.nWords") ?? rate.words
                case .timeTaken: rate.timeTaken = decoder.decimal(value, "speakingRate.timeTaken") ?? rate.timeTaken
                case .average: rate.average = decoder.decimal(value, "speakingRate.average") ?? rate.average
                case .score: rate.score = decoder.decimal(value, "speakingRate.score") ?? rate.score
                case .source: rate.source = decoder.text(value, "speakingRate.source") ?? rate.source
                case .sourceId: rate.sourceId = decoder.text(value, "speakingRate.sourceId") ?? rate.sourceId
                case nil: break
                }
            }
            result.append(rate)
        }
        return result
    }

    /// Emotion entries from a list (each entry may name its `source`), a list of plain emotion
    /// names, or an object of lists keyed by speaker (`customer`, `agent`).
    mutating func emotions(_ node: Int, source: Conversation.Emotion.Source) -> [Conversation.Emotion] {
        var result: [Conversation.Emotion] = []
        switch tape[node].kind {
        case .array:
            tape.forEachElement(of: node) { element in
                if tape[element].kind == .object {
                    result.append(emotion(element, source: source))
                } else if let name = text(element, "emotions") {
                    result.append(Conversation.Emotion(source: source, emotion: name))
                }
            }
        case .object:
            let table = KeyMap.emotion
            if tape[node].count > 0, KeyMap.code(table, tape, node + 1) != nil {
                result.append(emotion(node, source: source))
            } else {
                tape.forEachMember(of: node) { key, value in
                    result += emotions(value, source: Self.emotionSource(tape.string(at: key)) ?? source)
                }
            }
        default:
            if !ValueReader.isAbsent(tape, node) { drift("emotions", node) }
        }
        return result
    }

    private mutating func emotion(_ object: Int, source: Conversation.Emotion.Source) -> Conversation.Emotion {
        var emotion = Conversation.Emotion(source: source)
        let table = KeyMap.emotion
        tape.forEachMember(of: object) { key, value in
            switch KeyMap.code(table, tape, key).flatMap(EmotionField.init) {
            case .emotion: emotion.emotion = text(value, "emotions.emotion") ?? emotion.emotion
            case .duration: emotion.duration = decimal(value, "emotions.duration") ?? emotion.duration
            case .proportion: emotion.proportion = decimal(value, "emotions.proportion") ?? emotion.proportion
            case .source:
                if let text = text(value, "emotions.source") { emotion.source = Self.emotionSource(text) ?? .unknown }
            case nil: break
            }
        }
        return emotion
    }

    static func emotionSource(_ text: String) -> Conversation.Emotion.Source? {
        let lower = text.lowercased()
        if lower.contains("customer") || lower.contains("caller") || lower.contains("user") { return .customer }
        if lower.contains("agent") { return .agent }
        return nil
    }
}

extension ConversationGenerator {
    static func voice(_ random: inout SplitMix64) -> VoiceAnalytics {
        let positive = random.within(0...70)
        let neutral = random.within(0...(100 - positive))
        return VoiceAnalytics(
            agentWords: random.within(80...2_400), customerWords: random.within(40...2_000),
            agentTalkMs: random.within(30_000...600_000), customerTalkMs: random.within(20_000...500_000),
            patternStart: random.pick(Pools.sentiments), patternEnd: random.pick(Pools.sentiments),
            positive: positive, neutral: neutral, customerEmotion: random.pick(Pools.emotions),
            agentEmotion: random.pick(Pools.emotions), emotionShare: random.within(5...95))
    }

    static func generatedIntents(_ random: inout SplitMix64) -> [GeneratedIntent] {
        (0..<random.within(0...3)).map { _ in
            let score = random.within(-100...100)
            return GeneratedIntent(
                name: random.pick(Pools.intents),
                keywords: distinct(count: random.within(1...3), of: Pools.keywords.count, &random).map {
                    Pools.keywords[$0]
                },
                emotion: random.pick(Pools.emotions),
                sentiment: score > 25 ? "positive" : score < -25 ? "negative" : "neutral",
                sentimentScore: score, confidence: random.within(40...99), resolved: random.chance(60))
        }
    }

    static func configuredIntents(_ random: inout SplitMix64) -> [ConfiguredIntent] {
        distinct(count: random.within(1...2), of: Pools.configuredTopics.count, &random).map { topic in
            let path = Pools.configuredTopics[topic]
            return ConfiguredIntent(
                l1: path.l1, l2: path.l2, l3: path.l3, confidence: random.within(50...99),
                sentiment: random.pick(Pools.sentiments), resolved: random.chance(55))
        }
    }

    static func customFields(_ random: inout SplitMix64) -> [CustomField] {
        guard random.chance(70) else { return [] }
        var fields = [CustomField(key: "region", value: random.pick(Pools.regions))]
        if random.chance(50) { fields.append(CustomField(key: "campaign", value: random.pick(Pools.campaigns))) }
        fields.append(CustomField(key: "tier", value: random.pick(Pools.tiers)))
        if random.chance(30) {
            fields.append(CustomField(key: "crm case #", value: "CASE-\(random.within(10_000...99_999))"))
        }
        return fields
    }
}

/// Builds a conversation's epoch-independent record: a pure function of (seed, stream, index).
struct ConversationGenerator: Sendable {
    var seed: UInt64
    var agentCount: Int

    func record(streamKey: UInt64, header: ConversationHeader) -> ConversationRecord {
        var random = SplitMix64(keys: seed, streamKey, UInt64(header.index), RandomPurpose.body.rawValue)
        var styleRandom = SplitMix64(keys: seed, streamKey, UInt64(header.index), RandomPurpose.style.rawValue)
        let style = RecordStyle.generate(&styleRandom)
        let evaluated = header.durationStatus == .evaluated || header.durationStatus == nil
        let duration: Int64? =
            switch header.durationStatus {
            case .durationUnavailable: nil
            case .belowThreshold: Int64(random.within(2_000...19_999))
            default: Int64(random.within(45_000...1_200_000))
            }
        let (metrics, manualOrdinal) = Self.metrics(evaluated: evaluated, &random)
        let fatalErrors = metrics.filter { Pools.metrics[$0.metric].isFatal && $0.qualification == .no }.count
        let score: Int? =
            evaluated ? (fatalErrors > 0 ? 0 : random.chance(6) ? -random.within(1...40) : random.within(0...100)) : nil
        var record = ConversationRecord(
            header: header, style: style,
            durationMs: duration.map { header.startHasFraction ? $0 : $0 / 1000 * 1000 },
            customConversationId: random.chance(25) ? "UATTranscripts_\(header.index)" : nil,
            language: random.pick(Pools.languages), score: score, fatalErrorCount: fatalErrors,
            agents: agents(&random),
            queues: Self.distinct(count: random.chance(85) ? 1 : 2, of: Pools.queueNames.count, &random),
            metrics: metrics, manualMetricOrdinal: manualOrdinal, manualPendingAbsent: random.chance(30),
            sentiment: random.chance(90) ? random.pick(Pools.sentiments) : nil,
            sentimentScore: random.chance(85) ? random.within(-100...100) : nil,
            voice: random.chance(60) ? Self.voice(&random) : nil,
            generatedIntents: Self.generatedIntents(&random), configuredIntents: Self.configuredIntents(&random),
            taxonomyResolution: random.chance(20) ? nil : random.chance(60),
            customFields: Self.customFields(&random), hasRecordings: random.chance(50),
            isChurnRiskObserved: random.chance(10), isEscalationObserved: random.chance(8),
            formName: random.pick(Pools.formNames), passScore: random.pick([60, 70, 75, 80]))
        if record.customConversationId == nil, style.family == .title, random.chance(10) {
            record.customConversationId = "ext-\(header.index)"
        }
        return record
    }

    private func agents(_ random: inout SplitMix64) -> [AgentLink] {
        let roll = random.below(100)
        let count = roll < 75 ? 1 : roll < 95 ? 2 : 3
        return Self.distinct(count: count, of: agentCount, &random).map {
            AgentLink(agent: $0, empathyScore: random.within(20...100))
        }
    }

    static func distinct(count: Int, of poolSize: Int, _ random: inout SplitMix64) -> [Int] {
        var chosen: [Int] = []
        while chosen.count < min(count, poolSize) {
            let candidate = random.below(poolSize)
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }

    private static func metrics(evaluated: Bool, _ random: inout SplitMix64) -> ([MetricEntry], Int?) {
        let automatic = distinct(count: random.within(2...5), of: Pools.manualMetricIndex, &random).sorted()
        var entries = automatic.map { metric -> MetricEntry in
            let definition = Pools.metrics[metric]
            let varied = random.chance(15)
            return MetricEntry(
                metric: metric,
                weight: varied ? random.within(5...30) : definition.weight,
                negativeWeight: varied ? random.within(0...30) : definition.negativeWeight,
                qualification: evaluated ? qualification(fatal: definition.isFatal, &random) : nil,
                hasId: true, justification: justification(&random))
        }
        if random.chance(3), let first = entries.first {
            var repeated = first
            repeated.qualification = evaluated ? qualification(fatal: false, &random) : nil
            entries.insert(repeated, at: random.within(1...entries.count))
        }
        if random.chance(4) {
            entries[random.below(entries.count)].hasId = false
        }
        var manualOrdinal: Int?
        if random.chance(40) {
            manualOrdinal = entries.count
            entries.append(
                MetricEntry(
                    metric: Pools.manualMetricIndex, weight: 0, negativeWeight: 0, qualification: nil, hasId: true,
                    justification: .none))
        }
        return (entries, manualOrdinal)
    }

    private static func qualification(fatal: Bool, _ random: inout SplitMix64) -> Qualification? {
        let roll = random.below(100)
        if fatal { return roll < 6 ? .no : roll < 96 ? .yes : .notApplicable }
        switch roll {
        case 0..<68: return .yes
        case 68..<84: return .no
        case 84..<94: return .notApplicable
        case 94..<97: return .dash
        default: return nil
        }
    }

    private static func justification(_ random: inout SplitMix64) -> Justification {
        let roll = random.below(100)
        if roll < 8 { return .messageTimestamps(Int64(random.within(1_000...900_000))) }
        if roll < 12 {
            return .values(random.pick(["Premium", "12 Main St"]), random.pick(["premium", "12 Main Street"]))
        }
        return .none
    }
}

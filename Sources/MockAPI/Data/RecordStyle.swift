/// How one record is spelled on the wire: chosen per record from its own keyed generator, so every
/// spelling the vendor has used appears somewhere in a stream, deterministically.
struct RecordStyle: Sendable {
    /// The key-naming family.
    enum Family: Sendable {
        /// The published sample's mix: `AuditStatus`, `audit_date`, `koreEvalutionScore` (sic),
        /// `Agents[{"Agent ID"}]`, `Metrics[{"Metric ID"}]`.
        case sample
        /// The parameter table: `auditStatus`, `koreEvaluationScore`, `agents[{agentId}]`.
        case camel
        /// Current samples: `"Conversation ID"`, `"Audit Status"`, `"Kore Evaluation Score"`.
        case title
    }

    enum TaxonomyResolution: Sendable { case absent, bool, text }
    enum ConfiguredShape: Sendable { case absent, topicsTree, flat, flatList, intentsTopics2024 }
    enum GeneratedShape: Sendable { case intent, topic, name }
    enum Emotions: Sendable { case split, lowercase, capitalised }

    var family: Family
    /// Trailing spaces after the conversation id.
    var idPadding = 0
    /// No start time, end time or duration at all.
    var omitTimes = false
    var durationAsText = false
    /// `contactDirection` instead of `contact_direction`.
    var camelDirection = false
    /// Non-ASCII written as `\uXXXX` escapes.
    var asciiEscaped = false
    var withSource = false
    /// `"Unassigned"` instead of `"Not Assigned"`.
    var unassignedSpelling = false
    /// `"Audit Score": null` instead of leaving the key out before an audit completes.
    var nullAuditScore = false
    var taxonomy = TaxonomyResolution.absent
    var configured = ConfiguredShape.absent
    var generated = GeneratedShape.intent
    var emotions = Emotions.split

    static func generate(_ random: inout SplitMix64) -> RecordStyle {
        let roll = random.below(100)
        let family: Family = roll < 35 ? .sample : roll < 70 ? .camel : .title
        var style = RecordStyle(family: family)
        style.idPadding = random.chance(3) ? random.within(1...3) : 0
        style.omitTimes = random.chance(3)
        style.durationAsText = random.chance(family == .title ? 60 : 10)
        style.camelDirection = family == .camel && random.chance(30)
        style.asciiEscaped = random.chance(10)
        style.withSource = family == .title && random.chance(20)
        style.unassignedSpelling = family == .title && random.chance(50)
        style.nullAuditScore = random.chance(50)
        let taxonomyRoll = random.below(100)
        style.taxonomy = taxonomyRoll < 40 ? .absent : taxonomyRoll < 70 ? .bool : .text
        let shapes: [ConfiguredShape] = [.absent, .topicsTree, .flat, .flatList, .intentsTopics2024]
        style.configured = shapes[random.below(shapes.count)]
        style.generated = [.intent, .topic, .name][random.below(3)]
        style.emotions = [.split, .lowercase, .capitalised][random.below(3)]
        return style
    }
}

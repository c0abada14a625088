import QualityAI

/// Values of one fetched slice that could not be read as their field's type (type drift), and,
/// under `--strict-types`, the conversations quarantined for it.
///
/// A value counts when it is present but unusable: a score sent as `"abc"` or `[1]`, a number
/// beyond what its column holds, an object where a list of objects belongs. The vendor's "no value"
/// markers (`null`, `""`, `"NA"`, `"N/A"`, `"-"`) become NULL on purpose and are not counted. The
/// counts come from the decoder's `Conversation.warnings`, one warning per unusable value, keyed
/// by the decoder's field label (`koreEvaluationScore`, `metrics.metricWeight`, ...).
public struct TypeDrift: Sendable, Hashable {
    /// A conversation quarantined in `etl_rejected` because it held type drift.
    public struct Quarantined: Sendable, Hashable {
        public var conversationId: String
        /// Names each drifted field and its JSON type, never the value.
        public var reason: String
        public var raw: String
    }

    /// Unusable values by field label.
    public var counts: [String: Int] = [:]
    /// Conversations taken out of the load by `--strict-types`.
    public var quarantined: [Quarantined] = []

    public init() {}

    /// Counts the drift of `result`'s conversations; when `strict`, moves every conversation with
    /// drift out of `result` into `quarantined`, so that the slice loads only the clean ones.
    static func split(_ result: WindowResult, strict: Bool) -> (result: WindowResult, drift: TypeDrift) {
        var drift = TypeDrift()
        var kept = result
        kept.conversations.removeAll(keepingCapacity: true)
        for conversation in result.conversations {
            guard !conversation.warnings.isEmpty else {
                kept.conversations.append(conversation)
                continue
            }
            let fields = conversation.warnings.map(Self.parse)
            for field in fields { drift.counts[field.label, default: 0] += 1 }
            if strict {
                drift.quarantined.append(
                    Quarantined(
                        conversationId: conversation.conversationId, reason: reason(fields),
                        raw: cut(conversation.raw)))
            } else {
                kept.conversations.append(conversation)
            }
        }
        return (kept, drift)
    }

    /// The field label and JSON type of a decoder warning (`label: unusable kind text`).
    static func parse(_ warning: String) -> (label: String, type: String) {
        guard let marker = warning.range(of: ": unusable ") else { return (warning, "value") }
        let type = warning[marker.upperBound...].prefix { $0 != " " }
        return (String(warning[..<marker.lowerBound]), type.isEmpty ? "value" : String(type))
    }

    /// `type drift: koreEvaluationScore is a JSON string, ...`, each field and type once.
    static func reason(_ fields: [(label: String, type: String)]) -> String {
        var seen: Set<String> = []
        var parts: [String] = []
        for field in fields where seen.insert(field.label + " " + field.type).inserted {
            parts.append("\(field.label) is a JSON \(field.type)")
        }
        return "type drift: " + parts.joined(separator: ", ")
            + " that cannot be read as its type; quarantined by --strict-types (without it the record loads "
            + "with NULL there and the value stays in raw)"
    }

    /// `raw` cut to `RejectedRecord.maximumRawBytes` on a character boundary, like other rejections.
    static func cut(_ raw: String) -> String {
        guard raw.utf8.count > RejectedRecord.maximumRawBytes else { return raw }
        let bytes = Array(raw.utf8)
        var end = RejectedRecord.maximumRawBytes
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Adds `other`'s counts and quarantined records.
    mutating func add(_ other: TypeDrift) {
        counts.merge(other.counts, uniquingKeysWith: +)
        quarantined += other.quarantined
    }

    /// Unusable values over all fields.
    public var total: Int { counts.values.reduce(0, +) }
}

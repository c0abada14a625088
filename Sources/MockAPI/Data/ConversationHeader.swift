/// The cheap part of a conversation that the stream index needs to order and filter it:
/// generated from its own keyed generator so that building an index never builds full records.
struct ConversationHeader: Sendable {
    var index: Int
    var id: String
    /// Start time in epoch milliseconds: the instant the API filters on (whole seconds).
    var startMs: Int64
    var startHasFraction: Bool
    var durationStatus: DurationStatus?
    var direction: Direction
    var isDirectionDefaulted: Bool

    var startSecond: Int64 { UTCTime.floorDiv(startMs, 1000) }

    static func generate(seed: UInt64, streamKey: UInt64, index: Int, windowStart: Int64, seconds: Int64)
        -> ConversationHeader
    {
        var random = SplitMix64(keys: seed, streamKey, UInt64(index), RandomPurpose.header.rawValue)
        let id = Identifiers.uuidLike(prefix: "c-", &random)
        let startSecond = windowStart + Int64(random.below(Int(max(seconds, 1))))
        let hasFraction = random.chance(50)
        let startMs = startSecond * 1000 + (hasFraction ? Int64(random.below(1000)) : 0)
        let roll = random.below(100)
        let status: DurationStatus? =
            switch roll {
            case 0..<78: .evaluated
            case 78..<90: .belowThreshold
            case 90..<95: .durationUnavailable
            default: nil
            }
        let defaulted = random.chance(8)
        let direction: Direction = defaulted || random.chance(70) ? .inbound : .outbound
        return ConversationHeader(
            index: index, id: id, startMs: startMs, startHasFraction: hasFraction, durationStatus: status,
            direction: direction, isDirectionDefaulted: defaulted)
    }
}

/// Evaluation eligibility; `nil` on a record means a contact ingested before the threshold existed.
enum DurationStatus: String, Sendable, CaseIterable {
    case evaluated
    case belowThreshold = "below_threshold"
    case durationUnavailable = "duration_unavailable"
}

/// The resolved contact direction.
enum Direction: String, Sendable, CaseIterable {
    case inbound
    case outbound
}

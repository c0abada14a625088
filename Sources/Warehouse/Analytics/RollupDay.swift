import QualityAI

/// A UTC calendar day: the key of the `rollup_daily_*` tables (the day of `conversation_start`).
public struct RollupDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int64

    public init(daysSinceEpoch: Int64) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The UTC day that contains `epochSeconds`.
    public init(containing epochSeconds: Int64) {
        let days = epochSeconds / 86_400
        self.init(daysSinceEpoch: epochSeconds % 86_400 < 0 ? days - 1 : days)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: String) {
        guard text.utf8.count == 10, let seconds = VendorTimestamp.parse(text) else { return nil }
        self.init(containing: seconds)
    }

    /// The first second of the day, in epoch seconds.
    public var startEpochSeconds: Int64 { daysSinceEpoch * 86_400 }

    /// The next day.
    public var next: RollupDay { RollupDay(daysSinceEpoch: daysSinceEpoch + 1) }

    /// `YYYY-MM-DD`.
    public var description: String { String(VendorTimestamp.format(startEpochSeconds).prefix(10)) }

    public static func < (lhs: RollupDay, rhs: RollupDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}

import QualityAI

/// How much of a stream's trailing lookback window, `[watermark - days, watermark)`, is covered by
/// slices that completed within the last `sweptWithinDays` days: the share of the window where a
/// late audit would already have been picked up.
public struct LookbackCoverage: Sendable, Encodable, Equatable {
    /// Length of the lookback window in days.
    public var days: Int
    /// First second of the window, epoch seconds.
    public var windowStart: Int64
    /// End of the window (exclusive, the watermark), epoch seconds.
    public var windowEnd: Int64
    /// A slice counts when it completed within this many days of the report.
    public var sweptWithinDays: Int
    /// Seconds of the window covered by such slices.
    public var coveredSeconds: Int64

    /// `coveredSeconds` over the window's length, 0...1 (1 for an empty window).
    public var fraction: Double {
        windowEnd > windowStart ? Double(coveredSeconds) / Double(windowEnd - windowStart) : 1
    }

    enum CodingKeys: String, CodingKey {
        case days, windowStart = "window_start", windowEnd = "window_end", sweptWithinDays = "swept_within_days"
        case coveredSeconds = "covered_seconds", fraction
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days, forKey: .days)
        try container.encode(StatusTime.iso(windowStart), forKey: .windowStart)
        try container.encode(StatusTime.iso(windowEnd), forKey: .windowEnd)
        try container.encode(sweptWithinDays, forKey: .sweptWithinDays)
        try container.encode(coveredSeconds, forKey: .coveredSeconds)
        try container.encode((fraction * 10_000).rounded() / 10_000, forKey: .fraction)
    }

    /// Seconds of `[start, end)` covered by the union of `slices`, each `[first, last]` inclusive
    /// as in `etl_slice` (slices of different runs may overlap).
    public static func coveredSeconds(start: Int64, end: Int64, slices: [(first: Int64, last: Int64)]) -> Int64 {
        let clipped =
            slices
            .map { (max($0.first, start), min($0.last + 1, end)) }
            .filter { $0.0 < $0.1 }
            .sorted { $0.0 < $1.0 }
        var covered: Int64 = 0
        var reach = start
        for (from, to) in clipped where to > reach {
            covered += to - max(from, reach)
            reach = to
        }
        return covered
    }
}

/// Time formatting for the status report.
public enum StatusTime {
    /// `2026-11-25T04:00:00Z`.
    public static func iso(_ seconds: Int64) -> String {
        String(VendorTimestamp.format(seconds).map { $0 == " " ? "T" : $0 }) + "Z"
    }
}

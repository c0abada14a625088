import QualityAI

/// Which time ranges of one stream are loaded: the union of its committed slices (`etl_slice`
/// rows with status `done`, whichever command loaded them), as sorted, disjoint, non-adjacent
/// ranges `[start, end)` in epoch seconds.
public struct Coverage: Sendable, Equatable {
    /// One loaded or missing range, `[start, end)` in epoch seconds.
    public struct Range: Sendable, Hashable, Encodable {
        public var start: Int64
        /// Exclusive end.
        public var end: Int64

        public init(start: Int64, end: Int64) {
            self.start = start
            self.end = end
        }

        /// Length in seconds.
        public var seconds: Int64 { end - start }

        enum CodingKeys: String, CodingKey { case start = "from", end = "to", seconds }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(StatusTime.iso(start), forKey: .start)
            try container.encode(StatusTime.iso(end), forKey: .end)
            try container.encode(seconds, forKey: .seconds)
        }
    }

    /// The loaded ranges, in time order; two ranges never touch.
    public private(set) var ranges: [Range]

    /// The union of `slices`, each `[first, last]` inclusive as stored in `etl_slice`.
    public init(slices: [(first: Int64, last: Int64)]) {
        self.init(ranges: slices.map { Range(start: $0.first, end: $0.last + 1) })
    }

    /// The union of `ranges` (in any order, overlapping or not).
    public init(ranges: [Range]) {
        var merged: [Range] = []
        for range in ranges.filter({ $0.start < $0.end }).sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, range.start <= last.end {
                merged[merged.count - 1].end = max(last.end, range.end)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// Nothing is loaded.
    public var isEmpty: Bool { ranges.isEmpty }

    /// The first loaded second.
    public var start: Int64? { ranges.first?.start }

    /// The end (exclusive) of the newest loaded range.
    public var end: Int64? { ranges.last?.end }

    /// Whether `second` lies in a loaded range.
    public func contains(_ second: Int64) -> Bool {
        ranges.contains { $0.start <= second && second < $0.end }
    }

    /// Whether every second of `window` lies in one loaded range.
    public func covers(_ window: TimeWindow) -> Bool {
        ranges.contains { $0.start <= window.start && window.end < $0.end }
    }

    /// Where a `sync` continues a stream: the end of the loaded range that holds the last second
    /// before `watermark` (a backfill that reached the watermark, or ran on past it, counts), the
    /// watermark itself when no range holds it, or, without a watermark, the end of the newest
    /// loaded range. Nil when nothing is loaded and there is no watermark.
    public func resumePoint(watermark: Int64?) -> Int64? {
        guard let watermark else { return end }
        let holding = ranges.first { $0.start < watermark && watermark <= $0.end }
        return max(watermark, holding?.end ?? watermark)
    }

    /// The holes between the first loaded second and `until` (exclusive; by default the end of the
    /// newest loaded range), in time order.
    public func gaps(until: Int64? = nil) -> [Range] {
        guard let first = start, let limit = until ?? end else { return [] }
        var gaps: [Range] = []
        var reach = first
        for range in ranges {
            guard reach < limit else { break }
            if range.start > reach { gaps.append(Range(start: reach, end: min(range.start, limit))) }
            reach = max(reach, range.end)
        }
        if reach < limit { gaps.append(Range(start: reach, end: limit)) }
        return gaps
    }
}

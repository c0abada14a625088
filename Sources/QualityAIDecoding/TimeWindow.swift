/// A closed range of whole UTC seconds, `[start, end]`, as the vendor API filters it.
///
/// Both ends are inclusive on the vendor side, so consecutive windows must neither overlap nor
/// leave a gap: the window after `[a, b]` starts at `b + 1`.
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    /// First second of the window, as seconds since 1970-01-01 00:00:00 UTC.
    public var start: Int64
    /// Last second of the window (inclusive), as seconds since 1970-01-01 00:00:00 UTC.
    public var end: Int64

    /// Creates a window; `end` must not be before `start`.
    public init(start: Int64, end: Int64) {
        precondition(end >= start, "a time window must not end before it starts")
        self.start = start
        self.end = end
    }

    /// Number of whole seconds the window covers.
    public var seconds: Int64 { end - start + 1 }

    /// Splits the window into two halves that together cover it exactly, or nil for one second.
    public func halves() -> (TimeWindow, TimeWindow)? {
        guard end > start else { return nil }
        let middle = start + (end - start) / 2
        return (TimeWindow(start: start, end: middle), TimeWindow(start: middle + 1, end: end))
    }

    /// The vendor's request form of the start, `YYYY-MM-DD HH:MM:SS` (UTC).
    public var startText: String { VendorTimestamp.format(start) }
    /// The vendor's request form of the end, `YYYY-MM-DD HH:MM:SS` (UTC).
    public var endText: String { VendorTimestamp.format(end) }

    public var description: String { "\(startText)..\(endText)" }
}

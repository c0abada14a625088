import QualityAI

/// One window of one stream to fetch and load.
public struct SliceSpec: Sendable, Hashable {
    /// Why the slice is fetched.
    public enum Kind: String, Sendable {
        /// New data past the watermark: advancing it.
        case newData
        /// A re-sweep of already loaded data for late changes (audits).
        case lookback
        /// An explicit range (`backfill`).
        case backfill
    }

    public var streamId: String
    public var window: TimeWindow
    public var kind: Kind

    public init(streamId: String, window: TimeWindow, kind: Kind) {
        self.streamId = streamId
        self.window = window
        self.kind = kind
    }
}

/// Cuts time ranges into aligned slices.
public enum SlicePlanner {
    /// Cuts `[start, end)` (epoch seconds, end exclusive) into windows aligned to multiples of
    /// `sliceSeconds` (UTC), in time order; the first and last may be partial.
    public static func windows(from start: Int64, to end: Int64, sliceSeconds: Int64) -> [TimeWindow] {
        precondition(sliceSeconds > 0, "a slice must last at least one second")
        var windows: [TimeWindow] = []
        var cursor = start
        while cursor < end {
            let boundary = (cursor / sliceSeconds + 1) * sliceSeconds
            let next = min(boundary, end)
            windows.append(TimeWindow(start: cursor, end: next - 1))
            cursor = next
        }
        return windows
    }
}

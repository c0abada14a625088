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
        /// A hole in the stream's coverage (`sync --fill-gaps`).
        case gap
        /// A day that `verify --repair` found incomplete.
        case repair
    }

    public var streamId: String
    public var window: TimeWindow
    public var kind: Kind
    /// For a lookback slice: why the re-sweep policy chose it.
    public var resweepReason: ResweepPolicy.Reason?
    /// For a wide slice joined from several planned ones (`SliceSpans`): the planned slice length,
    /// on whose UTC multiples it is cut when it proves too dense to take whole. Nil: fetched whole.
    public var grid: Int64?

    public init(
        streamId: String, window: TimeWindow, kind: Kind, resweepReason: ResweepPolicy.Reason? = nil,
        grid: Int64? = nil
    ) {
        self.streamId = streamId
        self.window = window
        self.kind = kind
        self.resweepReason = resweepReason
        self.grid = grid
    }

    /// What `etl_slice.reason` records: the kind, and for a lookback slice the policy's reason.
    public var reason: String {
        guard kind == .lookback, let resweepReason else { return kind.rawValue }
        return "lookback:\(resweepReason.rawValue)"
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

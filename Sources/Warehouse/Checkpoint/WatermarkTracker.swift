/// Tracks which new-data slices of each stream have committed, so a stream's watermark only
/// moves across an unbroken run of committed slices (slices finish out of order).
struct WatermarkTracker: Sendable {
    /// Per stream: the new-data windows in time order, and how many of them lead committed.
    private var planned: [String: [SliceKey]] = [:]
    private var committed: Set<SliceKey> = []
    private var prefix: [String: Int] = [:]

    init(_ slices: [SliceSpec]) {
        for spec in slices where spec.kind == .newData {
            planned[spec.streamId, default: []].append(SliceKey(spec))
        }
        for stream in planned.keys { planned[stream]?.sort { $0.start < $1.start } }
    }

    /// The watermark (exclusive end, epoch seconds) `stream` would reach if `keys` committed too,
    /// or nil when it would not move.
    func watermark(for stream: String, ifCommitting keys: [SliceKey]) -> Int64? {
        guard let windows = planned[stream] else { return nil }
        let before = prefix[stream, default: 0]
        let index = Self.leading(windows, from: before, in: committed.union(keys))
        return index > before ? Self.end(of: windows, leading: index) : nil
    }

    /// Per stream with at least its first new-data slice committed: the end of its unbroken run of
    /// committed slices (exclusive, epoch seconds).
    var committedWatermarks: [String: Int64] {
        var marks: [String: Int64] = [:]
        for (stream, windows) in planned {
            if let index = prefix[stream], index > 0 { marks[stream] = Self.end(of: windows, leading: index) }
        }
        return marks
    }

    /// A planned slice was cut into `parts` (in time order): the watermark moves across them.
    mutating func replace(_ key: SliceKey, with parts: [SliceSpec]) {
        guard var windows = planned[key.streamId], let index = windows.firstIndex(of: key) else { return }
        windows.replaceSubrange(index...index, with: parts.map { SliceKey($0) })
        planned[key.streamId] = windows
    }

    /// Records that `keys` committed.
    mutating func commit(_ keys: [SliceKey]) {
        committed.formUnion(keys)
        for (stream, windows) in planned {
            prefix[stream] = Self.leading(windows, from: prefix[stream, default: 0], in: committed)
        }
    }

    /// How many of `windows` lead in `done`, counting on from `start` already known to.
    private static func leading(_ windows: [SliceKey], from start: Int, in done: Set<SliceKey>) -> Int {
        var index = start
        while index < windows.count, done.contains(windows[index]) { index += 1 }
        return index
    }

    /// The watermark once the first `count` (at least one) of `windows` committed: the exclusive end
    /// of the last of them.
    private static func end(of windows: [SliceKey], leading count: Int) -> Int64 {
        windows[count - 1].end + 1
    }
}

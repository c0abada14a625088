import QualityAI

/// Slices that follow the data. A run's planned slices (a day each by default) are joined, per
/// stream and kind, into wide slices over every unbroken stretch of new data, backfill or gap; a
/// wide slice is fetched whole when its first page announces at most the client's split threshold,
/// and otherwise cut on the planned slice boundaries into parts sized from the density that page
/// announced, each fetched the same way. So a stretch of empty days costs about one request, and
/// dense data costs one request more than slice by slice. A wide slice that holds a record only
/// its window can date (no start time, or quarantined) is fetched again as parts, down to planned
/// slices, so such records keep their day; once that happened to a wide slice of several pages,
/// the stream's other wide slices of the run are fetched as planned slices straight away.
/// Re-sweep and repair slices stay as planned.
public enum SliceSpans {
    /// The kinds whose stretches are joined.
    static let joinedKinds: Set<SliceSpec.Kind> = [.newData, .backfill, .gap]

    /// A part of a cut wide slice is expected to hold this share of the accepted records, so that
    /// unevenly spread data seldom makes a part too dense again.
    static let fill = 0.75

    /// Joins time-adjacent slices of one stream and kind in `slices` (planned on multiples of
    /// `grid` seconds) into wide slices, each where its first part was; others are kept as they are.
    public static func join(_ slices: [SliceSpec], grid: Int64) -> [SliceSpec] {
        var joined: [SliceSpec] = []
        var open: [Stretch: Int] = [:]
        for spec in slices {
            guard joinedKinds.contains(spec.kind) else {
                joined.append(spec)
                continue
            }
            let key = Stretch(streamId: spec.streamId, kind: spec.kind)
            if let index = open[key], joined[index].window.end + 1 == spec.window.start {
                joined[index].window = TimeWindow(start: joined[index].window.start, end: spec.window.end)
                joined[index].grid = grid
            } else {
                open[key] = joined.count
                joined.append(spec)
            }
        }
        return joined
    }

    /// The stretch a planned slice belongs to.
    private struct Stretch: Hashable {
        var streamId: String
        var kind: SliceSpec.Kind
    }
}

extension SliceSpec {
    /// Whether the slice is a wide one that is cut when it is too dense.
    var isWide: Bool { grid != nil }

    /// The parts a wide slice is cut into when its first page announced `totalResults` (nil: none
    /// announced) and at most `accepted` are taken whole: its planned slices when they hold a
    /// quarter page or more each on average (joining them would save little and risk fetching a
    /// wide slice again), else runs of planned slices each expected to hold `SliceSpans.fill` of
    /// `accepted`; at least two parts. A part of one planned slice is not wide any more.
    func cut(totalResults: Int?, accepted: Int, pageSize: Int) -> [SliceSpec] {
        cut { cells in
            guard let totalResults, totalResults > 0, totalResults * 4 < cells * pageSize else { return 1 }
            return Int(Double(cells) * SliceSpans.fill * Double(accepted) / Double(totalResults))
        }
    }

    /// The parts a wide slice is fetched as again because it held records without a start time
    /// (or quarantined ones), which only a window of one planned slice dates: halves while it
    /// took one page (cheap to narrow down), else its planned slices.
    func narrowed(afterPages pages: Int) -> [SliceSpec] {
        cut { cells in pages <= 1 ? (cells + 1) / 2 : 1 }
    }

    /// Cuts a wide slice into runs of `perPart(cells)` planned slices (at least one, and at least
    /// two parts).
    private func cut(perPart: (Int) -> Int) -> [SliceSpec] {
        guard let grid else { return [self] }
        let cells = SlicePlanner.windows(from: window.start, to: window.end + 1, sliceSeconds: grid)
        guard cells.count > 1 else { return [self] }
        let size = max(1, min(perPart(cells.count), (cells.count + 1) / 2))
        return stride(from: 0, to: cells.count, by: size).map { first in
            let last = min(first + size, cells.count) - 1
            var part = self
            part.window = TimeWindow(start: cells[first].start, end: cells[last].end)
            part.grid = last > first ? grid : nil
            return part
        }
    }
}

extension WindowResult {
    /// Whether it holds a record only its window dates: a conversation without a start time, or a
    /// quarantined record (both are counted by the day of the window they came from).
    var holdsUndatedRecords: Bool {
        !rejections.isEmpty || conversations.contains { $0.conversationStart == nil }
    }
}

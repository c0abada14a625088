import Warehouse

/// The readable summaries of `stream rewind` and `stream forget`: what changed, before -> after.
enum StreamChangeText {
    /// An epoch second as ISO 8601, `-` for none.
    static func time(_ seconds: Int64?) -> String {
        seconds.map(StatusTime.iso) ?? "-"
    }

    /// `2026-01-01T00:00:00Z .. 2026-01-04T00:00:00Z`, `-` when nothing is covered.
    static func covered(_ state: StreamState?) -> String {
        guard let state, let from = state.coveredFrom, let to = state.coveredTo else { return "-" }
        return "\(StatusTime.iso(from)) .. \(StatusTime.iso(to))"
    }

    /// The whole summary of `change`.
    static func text(_ change: StreamChange) -> String {
        change.target == nil ? forgetText(change) : rewindText(change)
    }

    private static func recorded(_ change: StreamChange) -> String {
        if change.dryRun { return "Dry run, nothing was changed." }
        return change.runId.map { "Recorded as run \($0) in etl_run." } ?? ""
    }

    private static func rewindText(_ change: StreamChange) -> String {
        let target = time(change.target)
        let before = change.before
        let after = change.after
        let head =
            change.dryRun
            ? "Would rewind stream \(change.stream) to \(target):" : "Rewound stream \(change.stream) to \(target):"
        var lines = [head]
        let createdNote = change.edits.watermarkCreated ? " (created: the stream had none)" : ""
        lines.append("  watermark:        \(time(before.watermark)) -> \(time(after?.watermark))\(createdNote)")
        lines.append("  lookback cursor:  \(time(before.lookbackCursor)) -> \(time(after?.lookbackCursor))")
        lines.append("  covered:          \(covered(before)) -> \(covered(after))")
        lines.append("  done slices:      \(before.doneSlices) -> \(after?.doneSlices ?? 0)")
        var slices = "\(change.edits.slicesDeleted) deleted"
        if change.edits.slicesClipped > 0, let target = change.target {
            slices += ", \(change.edits.slicesClipped) shortened to end at \(StatusTime.iso(target - 1))"
        }
        lines.append("  slices:           \(slices)")
        lines.append("  next sync from:   \(time(before.resumesAt)) -> \(time(after?.resumesAt))")
        lines.append(
            "Loaded conversations stay (\(before.conversations) of this stream in fact_conversation); "
                + "the next sync reloads from \(target) on and updates them.")
        lines.append(recorded(change))
        return lines.joined(separator: "\n")
    }

    private static func forgetText(_ change: StreamChange) -> String {
        let verb = change.dryRun ? "Would delete" : "Deleted"
        return [forgetSummary(change, verb: verb), recorded(change)].joined(separator: "\n")
    }

    /// `Deleted the state of stream X: its watermark (...), its 3 slices (...). Its 600
    /// conversations stay ...`
    static func forgetSummary(_ change: StreamChange, verb: String) -> String {
        let before = change.before
        var parts: [String] = []
        if let watermark = before.watermark {
            let cursor = before.lookbackCursor.map { ", lookback cursor \(StatusTime.iso($0))" } ?? ""
            parts.append("its watermark (\(StatusTime.iso(watermark))\(cursor))")
        }
        parts.append("its \(before.slices) slice(s) (\(before.doneSlices) done, covering \(covered(before)))")
        return "\(verb) the state of stream \(change.stream): " + parts.joined(separator: " and ") + ". Its "
            + "\(before.conversations) conversation(s) stay in fact_conversation (state only: loaded facts are "
            + "not deleted)."
    }
}

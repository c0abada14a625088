import Foundation
import Warehouse

/// The coverage part of `qai-loader status`: each stream's loaded range, its gaps, and when each
/// day of the lookback window was last fetched and why.
enum StatusCoverageText {
    static func lines(_ streams: [StreamStatus]) -> [String] {
        var lines: [String] = []
        for stream in streams {
            guard let from = stream.coveredFrom, let to = stream.coveredTo else { continue }
            lines.append("")
            if stream.gaps.isEmpty {
                lines.append("Coverage of \(stream.streamId): \(time(from)) to \(time(to)), no gaps.")
            } else {
                let days = Double(stream.gaps.reduce(0) { $0 + $1.seconds }) / 86_400
                lines.append(
                    "Coverage of \(stream.streamId): \(time(from)) to \(time(to)), \(stream.gaps.count) GAP(S) "
                        + String(format: "(%.1f days)", days)
                        + ": load them with 'qai-loader sync --fill-gaps' or 'qai-loader backfill'.")
                for gap in stream.gaps {
                    lines.append("  gap \(time(gap.start)) to \(time(gap.end))")
                }
            }
            guard !stream.resweep.isEmpty else { continue }
            lines.append("  Last fetch of each day (lookback re-sweep):")
            for day in stream.resweep {
                let date = String(time(day.day).prefix(10))
                lines.append("    \(date)  \(time(day.lastSweptAt))  \(describe(day.reason))")
            }
        }
        return lines
    }

    /// `etl_slice.reason` in words.
    static func describe(_ reason: String?) -> String {
        switch reason {
        case "newData": "new data"
        case "backfill": "backfill"
        case "gap": "gap filled"
        case "repair": "verify --repair"
        case "lookback:uniform": "re-sweep (uniform)"
        case "lookback:leaving": "re-sweep: last night in the lookback window"
        case "lookback:overdue": "re-sweep: longest interval reached"
        case "lookback:likely": "re-sweep: audit changes likely since the last fetch"
        case "lookback:edge": "re-sweep: conversations in progress at the last fetch"
        case nil: "-"
        case let other?: other
        }
    }

    private static func time(_ seconds: Int64) -> String { StatusCommand.time(seconds) }
}

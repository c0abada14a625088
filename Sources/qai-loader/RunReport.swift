import Foundation
import Warehouse

/// The summary a `sync` or `backfill` prints when it ends.
enum RunReport {
    static func text(_ summary: RunSummary, gaps: [String: [Coverage.Range]] = [:]) -> String {
        let totals = summary.totals
        let load = totals.load
        let rate = summary.seconds > 0 ? Int(Double(totals.fetched) / summary.seconds) : 0
        var lines = [
            "Run \(summary.runId) finished in \(String(format: "%.1f", summary.seconds)) s: "
                + "\(totals.fetched) conversations fetched (\(rate)/s) in \(totals.slices) slices, "
                + "\(totals.requests.requests) requests (\(totals.requests.retries) retries, "
                + "\(totals.requests.rateLimited) rate-limited).",
            "  inserted \(load.inserted), updated \(load.updated) (audit changes \(load.auditChanges)), "
                + "unchanged \(load.unchanged), rejected \(totals.rejected).",
        ]
        if summary.resumedSlices > 0 {
            lines.append("  resumed: \(summary.resumedSlices) slices were already loaded by the interrupted run.")
        }
        if summary.deferredSlices > 0 {
            lines.append("  request budget reached: \(summary.deferredSlices) slices left for the next run.")
        }
        let drift = totals.typeDrift
        if !drift.isEmpty {
            let fields = drift.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append(
                "  type drift: \(drift.values.reduce(0, +)) values could not be read as their type (\(fields)); "
                    + "see etl_run.type_drift.")
        }
        if totals.rejected > 0 {
            lines.append("  rejected records are in etl_rejected (run_id = \(summary.runId)) with their reasons.")
        }
        for (stream, ranges) in gaps.sorted(by: { $0.key < $1.key }) where !ranges.isEmpty {
            let days = Double(ranges.reduce(0) { $0 + $1.seconds }) / 86_400
            lines.append(
                "  WARNING: stream \(stream) has \(ranges.count) gap(s) in its coverage "
                    + String(format: "(%.1f days, from ", days) + StatusTime.iso(ranges[0].start) + ")"
                    + ": run 'qai-loader sync --fill-gaps' (qai-loader status lists them).")
        }
        return lines.joined(separator: "\n")
    }
}

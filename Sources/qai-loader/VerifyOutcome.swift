import Foundation
import Warehouse

/// What `verify` found, repaired and found again, as text or JSON.
struct VerifyOutcome: Encodable {
    var checks: [DayCheck]
    /// Requests spent by the whole command (checks, repair and re-checks).
    var requests: Int
    var repair: RunSummary?
    var rechecked: [DayCheck]?

    /// Slices that differ after the repair (or, without one, at the check).
    var stillDiffering: Int { (rechecked ?? checks).filter(\.differs).count }

    enum CodingKeys: String, CodingKey {
        case checked, differing, requests, slices, repaired, rechecked, stillDiffering = "still_differing"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checks.count, forKey: .checked)
        try container.encode(checks.filter(\.differs).count, forKey: .differing)
        try container.encode(requests, forKey: .requests)
        try container.encode(checks, forKey: .slices)
        try container.encode(repair.map { $0.totals.fetched }, forKey: .repaired)
        try container.encode(rechecked, forKey: .rechecked)
        try container.encode(stillDiffering, forKey: .stillDiffering)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func text() -> String {
        let differing = checks.filter(\.differs)
        var lines = [
            "Checked \(checks.count) slices with \(requests) requests: "
                + (differing.isEmpty ? "the warehouse matches the API." : "\(differing.count) differ.")
        ]
        for check in differing {
            lines.append(
                "  \(check.streamId)  \(StatusTime.iso(check.window.start)) to \(StatusTime.iso(check.window.end + 1)): "
                    + "API \(check.apiTotal), warehouse \(check.warehouse)"
                    + (check.quarantined > 0 ? " + \(check.quarantined) quarantined" : "")
                    + " (\(check.missing > 0 ? "\(check.missing) missing" : "\(-check.missing) more than the API"))")
        }
        if let repair {
            lines.append(
                "Repaired: run \(repair.runId) reloaded \(differing.count) slices (\(repair.totals.fetched) conversations, "
                    + "\(repair.totals.load.inserted) new).")
        }
        if let rechecked {
            let still = rechecked.filter(\.differs).count
            lines.append(
                still == 0
                    ? "Checked again: all \(rechecked.count) repaired slices match."
                    : "Checked again: \(still) of \(rechecked.count) still differ (records the API lists twice, or "
                        + "conversations the API no longer lists, cannot be repaired by reloading).")
        } else if !differing.isEmpty {
            lines.append("Run again with --repair to reload them.")
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import Logging
import Warehouse

/// Logs what a planned sync will do per stream: where new data starts, the coverage gaps, and
/// which lookback days the re-sweep chose and why.
enum SyncPlanLog {
    static func log(_ plan: SyncPlan, logger: Logger) {
        for (stream, streamPlan) in plan.streams.sorted(by: { $0.key < $1.key }) {
            let swept = streamPlan.resweep.filter(\.sweep)
            var reasons: [String: Int] = [:]
            for decision in swept { reasons[decision.reason.rawValue, default: 0] += 1 }
            logger.info(
                "sync.plan",
                metadata: [
                    "stream.id": "\(stream)", "plan.new_data_from": "\(StatusTime.iso(streamPlan.newDataFrom))",
                    "plan.resweep_days": "\(swept.count) of \(streamPlan.resweep.count)",
                    "plan.resweep_reasons":
                        "\(reasons.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))",
                    "plan.lag_model": "\(streamPlan.model.summary)",
                ])
            guard !streamPlan.gaps.isEmpty else { continue }
            let seconds = streamPlan.gaps.reduce(0) { $0 + $1.seconds }
            logger.warning(
                "coverage.gaps",
                metadata: [
                    "stream.id": "\(stream)", "gaps.count": "\(streamPlan.gaps.count)",
                    "gaps.days": "\(String(format: "%.1f", Double(seconds) / 86_400))",
                    "gaps.first": "\(StatusTime.iso(streamPlan.gaps[0].start))",
                    "advice": "run 'qai-loader sync --fill-gaps' (or backfill the ranges 'qai-loader status' lists)",
                ])
        }
    }
}

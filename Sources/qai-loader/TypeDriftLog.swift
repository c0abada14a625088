import Logging
import Warehouse

/// The end-of-run lines about type drift: one `run.type_drift` warning per field, with the run's
/// count over all streams and the streams it came from.
enum TypeDriftLog {
    static func log(_ summary: RunSummary, strict: Bool, logger: Logger) {
        let streams = summary.totals.streams
        for (field, count) in summary.totals.typeDrift.sorted(by: { $0.key < $1.key }) {
            let from = streams.keys.sorted().filter { streams[$0]?.typeDrift[field] != nil }
            logger.warning(
                "run.type_drift",
                metadata: [
                    "run.id": "\(summary.runId)", "field": "\(field)", "count": "\(count)",
                    "streams": "\(from.joined(separator: ","))",
                    "advice": .string(
                        strict
                            ? "the records are quarantined in etl_rejected"
                            : "the values loaded as NULL (raw keeps them); --strict-types quarantines such records"),
                ])
        }
    }
}

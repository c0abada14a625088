import Foundation
import Postgres
import Prometheus
import QualityAI
import Warehouse

/// The figures of one `sync` or `backfill` run as Prometheus gauges, built once and rendered by
/// swift-prometheus in the text exposition format (version 0.0.4) for every output: the metrics
/// file (``MetricsFile``) and the Pushgateway (``MetricsPush``). Every value describes the last
/// run, so all are gauges; each carries the `command` label (`sync`, `backfill`).
///
/// Metrics: `qai_loader_last_run_timestamp_seconds`, `qai_loader_last_run_success` (1 or 0),
/// `qai_loader_last_success_timestamp_seconds` (after a failure only when an earlier value is
/// known), `qai_loader_last_run_duration_seconds`, `qai_loader_last_run_id`,
/// `qai_loader_last_run_conversations{stream,result="inserted|updated|unchanged|rejected"}`,
/// `qai_loader_last_run_audit_changes{stream}`, `qai_loader_last_run_type_drift{stream,field}` (values
/// not readable as their type, one sample per stream and field that had any), `qai_loader_last_run_requests`,
/// `qai_loader_last_run_retries`, `qai_loader_last_run_rate_limited`, `qai_loader_last_run_lock_retries`,
/// `qai_loader_last_run_deferred_slices`, `qai_loader_coverage_gaps{stream}` and
/// `qai_loader_coverage_gap_seconds{stream}` (holes in the stream's loaded coverage after the run;
/// alert on > 0), and after a failure `qai_loader_last_run_failure{reason}` (e.g.
/// `api_unauthorized`, `warehouse_lockHeld`).
struct RunMetrics {
    private let registry = PrometheusCollectorRegistry()
    private let command: RunCommand

    private init(command: RunCommand) {
        self.command = command
    }

    /// The text exposition format of every metric.
    func render() -> [UInt8] {
        registry.emitToBuffer()
    }

    /// The figures of a run that finished (`succeeded` or `partial`).
    static func finished(
        summary: RunSummary, command: RunCommand, gaps: [String: [Coverage.Range]] = [:], now: Date = Date()
    ) -> RunMetrics {
        let metrics = RunMetrics(command: command)
        for (stream, ranges) in gaps.sorted(by: { $0.key < $1.key }) {
            metrics.gauge("coverage_gaps", "Holes in the stream's loaded coverage after the run.", [("stream", stream)])
                .set(Double(ranges.count))
            metrics.gauge(
                "coverage_gap_seconds", "Seconds of the stream's time line inside its coverage that are not loaded.",
                [("stream", stream)]
            ).set(Double(ranges.reduce(0) { $0 + $1.seconds }))
        }
        let time = now.timeIntervalSince1970
        metrics.ended(at: time, success: true, lastSuccess: time)
        metrics.gauge("last_run_duration_seconds", "Wall-clock seconds the last run took.").set(summary.seconds)
        metrics.gauge("last_run_id", "etl_run.run_id of the last run.").set(Double(summary.runId))
        let totals = summary.totals
        for (stream, figures) in totals.streams.sorted(by: { $0.key < $1.key }) {
            for (result, count) in [
                ("inserted", figures.load.inserted), ("updated", figures.load.updated),
                ("unchanged", figures.load.unchanged), ("rejected", figures.rejected),
            ] {
                metrics.gauge(
                    "last_run_conversations", "Conversations of the last run by stream and result.",
                    [("stream", stream), ("result", result)]
                ).set(Double(count))
            }
            metrics.gauge(
                "last_run_audit_changes", "Conversations whose audit fields changed in the last run.",
                [("stream", stream)]
            ).set(Double(figures.load.auditChanges))
            for (field, count) in figures.typeDrift.sorted(by: { $0.key < $1.key }) {
                metrics.gauge(
                    "last_run_type_drift",
                    "Values of the last run that could not be read as their type, by stream and field.",
                    [("stream", stream), ("field", field)]
                ).set(Double(count))
            }
        }
        metrics.gauge("last_run_requests", "API requests of the last run, retries included.")
            .set(Double(totals.requests.requests))
        metrics.gauge("last_run_retries", "API requests of the last run that were retries.")
            .set(Double(totals.requests.retries))
        metrics.gauge("last_run_rate_limited", "Rate-limited API responses (HTTP 429) in the last run.")
            .set(Double(totals.requests.rateLimited))
        metrics.gauge(
            "last_run_lock_retries", "Database transactions of the last run retried after a lock timeout or deadlock."
        )
        .set(Double(totals.lockRetries))
        metrics.gauge("last_run_deferred_slices", "Slices the last run left for the next because the budget ran out.")
            .set(Double(summary.deferredSlices))
        return metrics
    }

    /// A failed run: success 0, the failure's kind, and `lastSuccess` when an earlier one is known.
    static func failed(command: RunCommand, error: any Error, lastSuccess: Double?, now: Date = Date()) -> RunMetrics {
        let metrics = RunMetrics(command: command)
        metrics.ended(at: now.timeIntervalSince1970, success: false, lastSuccess: lastSuccess)
        metrics.gauge(
            "last_run_failure", "1 for the kind of failure that stopped the last run.", [("reason", reason(error))]
        )
        .set(1.0)
        return metrics
    }

    /// A short, fixed-vocabulary name for a failure (never the error's text, which may be long).
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as APIError: "api_\(error.code)"
        case let error as PostgresError: "database_\(error.code)"
        case let error as WarehouseError: "warehouse_\(error.code)"
        default: "other"
        }
    }

    private func ended(at time: Double, success: Bool, lastSuccess: Double?) {
        gauge("last_run_timestamp_seconds", "When the last run ended (Unix time).").set(time)
        gauge("last_run_success", "1 if the last run finished, 0 if it failed.").set(success ? 1.0 : 0.0)
        if let lastSuccess {
            gauge("last_success_timestamp_seconds", "When a run last finished without failing (Unix time).")
                .set(lastSuccess)
        }
    }

    /// A gauge with the `qai_loader_` prefix and the `command` label.
    private func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "qai_loader", metricName: name, unitName: "", helpText: help),
            labels: [("command", command.rawValue)] + labels)
    }
}

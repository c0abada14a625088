import Foundation
import Logging
import Warehouse

/// Publishes one run's metrics to every output asked for: the metrics are built once
/// (``RunMetrics``), rendered once, then written to the file and pushed to the Pushgateway.
struct MetricsOutputs: Sendable {
    /// `--metrics-file`: written through `PATH.tmp` (``MetricsFile``).
    var file: String?
    /// `--metrics-push` / `QAI_METRICS_PUSH_URL` (``MetricsPush``).
    var push: MetricsPush?

    /// A finished run. The push is tried first and only logs when it fails.
    /// - Throws: ``MetricsFileError`` when the file cannot be written.
    func finished(summary: RunSummary, command: RunCommand, gaps: [String: [Coverage.Range]], logger: Logger)
        async throws
    {
        guard file != nil || push != nil else { return }
        let body = RunMetrics.finished(summary: summary, command: command, gaps: gaps).render()
        if let push { await push.push(body, command: command, logger: logger) }
        if let file { try MetricsFile.replace(file, with: body) }
    }

    /// A failed run: success 0 and the failure's kind. The last success time is carried over from
    /// the metrics file when there is one (the Pushgateway's group is replaced without it).
    /// Never throws: the run's own error is what the caller reports.
    func failed(command: RunCommand, error: any Error, logger: Logger) async {
        guard file != nil || push != nil else { return }
        let lastSuccess = file.flatMap { MetricsFile.lastSuccess(command: command, in: $0) }
        let body = RunMetrics.failed(command: command, error: error, lastSuccess: lastSuccess).render()
        if let file { try? MetricsFile.replace(file, with: body) }
        if let push { await push.push(body, command: command, logger: logger) }
    }
}

import ArgumentParser
import QualityAI

/// Where `sync` and `backfill` publish the run's metrics: a node_exporter textfile, a
/// Prometheus Pushgateway, both or neither.
struct MetricsOptions: ParsableArguments {
    @Option(help: "Write the run's figures here in Prometheus text format (node_exporter textfile collector).")
    var metricsFile: String?

    @Option(
        help: """
            Push the run's metrics to this Prometheus Pushgateway, http[s]://[user:password@]host:port, with PUT to \
            /metrics/job/qai-loader/command/<command> (also after a failure; a failed push only logs a warning). \
            Env: QAI_METRICS_PUSH_URL.
            """)
    var metricsPush: String?

    /// The outputs: `--metrics-file`, and `--metrics-push`, else `QAI_METRICS_PUSH_URL` (environment,
    /// then the settings file). An `https://` Pushgateway also trusts `caBundle` (`--ca-file`).
    /// - Throws: `ValidationError` naming the setting when the URL is malformed, never its password.
    func outputs(settings: EnvironmentSettings, caBundle: CABundle?) throws -> MetricsOutputs {
        var push: MetricsPush?
        if let metricsPush {
            push = MetricsPush(
                target: try MetricsPushTarget(url: metricsPush, setting: "--metrics-push"), caBundle: caBundle)
        } else if let url = settings.value("QAI_METRICS_PUSH_URL") {
            push = MetricsPush(
                target: try MetricsPushTarget(url: url, setting: "QAI_METRICS_PUSH_URL"), caBundle: caBundle)
        }
        return MetricsOutputs(file: metricsFile, push: push)
    }
}

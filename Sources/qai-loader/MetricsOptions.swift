import ArgumentParser
import QualityAI

/// Where `sync` and `backfill` publish the run's metrics: a node_exporter textfile, a
/// Prometheus Pushgateway, both or neither.
struct MetricsOptions: ParsableArguments {
    @Option(
        help:
            "Write the run's figures here in Prometheus text format (node_exporter textfile collector). Env: QAI_METRICS_FILE."
    )
    var metricsFile: String?

    @Option(
        help: """
            Push the run's metrics to this Prometheus Pushgateway, http[s]://[user:password@]host:port, with PUT to \
            /metrics/job/qai-loader/command/<command> (also after a failure; a failed push only logs a warning). \
            Env: QAI_METRICS_PUSH_URL.
            """)
    var metricsPush: String?

    /// The outputs from `settings`; see ``outputs(_:caBundle:)``.
    func outputs(settings: EnvironmentSettings, caBundle: CABundle?) throws -> MetricsOutputs {
        var resolver = SettingsResolver(settings)
        return try outputs(&resolver, caBundle: caBundle)
    }

    /// The outputs: `--metrics-file`, else `QAI_METRICS_FILE`, and `--metrics-push`, else
    /// `QAI_METRICS_PUSH_URL` (environment, then the settings file). An `https://` Pushgateway also
    /// trusts `caBundle` (`--ca-file`).
    /// - Throws: `ValidationError` naming the setting when the URL is malformed, never its password.
    func outputs(_ resolver: inout SettingsResolver, caBundle: CABundle?) throws -> MetricsOutputs {
        var push: MetricsPush?
        if let url = try resolver.secret(.metricsPushURL, flag: metricsPush) {
            let setting = metricsPush == nil ? "QAI_METRICS_PUSH_URL" : "--metrics-push"
            push = MetricsPush(target: try MetricsPushTarget(url: url, setting: setting), caBundle: caBundle)
        }
        return MetricsOutputs(file: resolver.text(.metricsFile, flag: metricsFile), push: push)
    }
}

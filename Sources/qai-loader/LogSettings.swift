import Logging

/// The resolved log level and format (`--log-level` / `QAI_LOG_LEVEL`, `--log-format` / `QAI_LOG_FORMAT`).
struct LogSettings: Sendable, Equatable {
    /// The lowest level logged.
    var level: Logger.Level
    /// Text lines or JSON objects on standard error.
    var format: LogFormat

    /// A logger at `level`, installing the process-wide handler for `format` on first use.
    func makeLogger(label: String = "qai-loader") -> Logger {
        LogSetup.bootstrap(format: format)
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

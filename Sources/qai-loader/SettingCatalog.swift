import MockAPI
import QualityAI

/// Every setting of every command, with its flag, its environment (and settings file) name, its
/// default and the commands that take it. `--config` / `QAI_CONFIG` is not among them: it names
/// the settings file, so it comes from the flag, then the environment only. Flags that describe one
/// invocation (`--from`, `--to`, `--json`, `--check`, `--repair`, `--runs`, `--for`, the `demo`
/// and `mock-api` scenario flags, the hidden test hook `--now`) are not settings.
extension Setting {
    private static let every = Command.allCases
    private static let database: [Command] = [
        .migrate, .sync, .backfill, .status, .check, .verify, .demo, .streamList, .streamRewind, .streamForget,
    ]
    private static let api: [Command] = [.sync, .backfill, .check, .verify]
    private static let loads: [Command] = [.sync, .backfill]
    private static let slicing: [Command] = [.sync, .backfill, .verify]

    static let databaseURL = Setting(
        "DATABASE_URL", flag: "--database-url", default: nil, commands: database, isSecret: true)
    static let schema = Setting("QAI_SCHEMA", flag: "--schema", default: "qai", commands: database)
    static let logLevel = Setting("QAI_LOG_LEVEL", flag: "--log-level", default: "info", commands: every)
    static let logFormat = Setting("QAI_LOG_FORMAT", flag: "--log-format", default: "text", commands: every)

    static let apiBaseURL = Setting(
        "QAI_API_BASE_URL", flag: "--api-base-url", default: "https://platform.kore.ai", commands: api)
    static let apiPathPrefix = Setting(
        "QAI_API_PATH_PREFIX", flag: "--api-path-prefix", default: APIConfiguration.defaultPathPrefix, commands: api)
    static let streams = Setting("QAI_STREAM_ID", flag: "--stream", default: nil, commands: api)
    static let accountId = Setting("QAI_ACCOUNT_ID", flag: "--account-id", default: nil, commands: api)
    static let orgId = Setting("QAI_ORG_ID", flag: "--org-id", default: nil, commands: api)
    static let jwt = Setting("QAI_JWT", flag: nil, default: nil, commands: api, isSecret: true)
    static let clientId = Setting("QAI_CLIENT_ID", flag: nil, default: nil, commands: api)
    static let clientSecret = Setting("QAI_CLIENT_SECRET", flag: nil, default: nil, commands: api, isSecret: true)
    static let requestsPerMinute = Setting(
        "QAI_REQUESTS_PER_MINUTE", flag: "--requests-per-minute", default: "60", commands: api)
    static let includeBelowThreshold = Setting(
        "QAI_INCLUDE_BELOW_THRESHOLD", flag: "--include-below-threshold", default: "true", commands: api)
    static let proxy = Setting("QAI_PROXY", flag: "--proxy", default: nil, commands: api, isSecret: true)
    static let caFile = Setting("QAI_CA_FILE", flag: "--ca-file", default: nil, commands: api)

    static let sliceHours = Setting("QAI_SLICE_HOURS", flag: "--slice-hours", default: "24", commands: slicing)
    static let concurrency = Setting("QAI_CONCURRENCY", flag: "--concurrency", default: "4", commands: slicing)
    static let writers = Setting("QAI_WRITERS", flag: "--writers", default: "2", commands: loads)
    static let lockTimeoutSeconds = Setting(
        "QAI_LOCK_TIMEOUT_SECONDS", flag: "--lock-timeout-seconds", default: "5", commands: loads)
    static let strictTypes = Setting("QAI_STRICT_TYPES", flag: "--strict-types", default: "false", commands: loads)
    static let metricsFile = Setting("QAI_METRICS_FILE", flag: "--metrics-file", default: nil, commands: loads)
    static let metricsPushURL = Setting(
        "QAI_METRICS_PUSH_URL", flag: "--metrics-push", default: nil, commands: loads, isSecret: true)

    static let since = Setting("QAI_SINCE", flag: "--since", default: nil, commands: [.sync])
    static let lookbackDays = Setting(
        "QAI_LOOKBACK_DAYS", flag: "--lookback-days", default: "14", commands: [.sync, .status])
    static let maxRequests = Setting("QAI_MAX_REQUESTS", flag: "--max-requests", default: nil, commands: [.sync])
    static let settleMinutes = Setting("QAI_SETTLE_MINUTES", flag: "--settle-minutes", default: "10", commands: [.sync])
    static let fillGaps = Setting("QAI_FILL_GAPS", flag: "--fill-gaps", default: "false", commands: [.sync])
    static let resweep = Setting("QAI_RESWEEP", flag: "--resweep", default: "adaptive", commands: [.sync])
    static let resweepMaxIntervalDays = Setting(
        "QAI_RESWEEP_MAX_INTERVAL_DAYS", flag: "--resweep-max-interval-days", default: "5", commands: [.sync])
    static let resweepMinIntervalDays = Setting(
        "QAI_RESWEEP_MIN_INTERVAL_DAYS", flag: "--resweep-min-interval-days", default: "3", commands: [.sync])
    static let resweepThreshold = Setting(
        "QAI_RESWEEP_THRESHOLD", flag: "--resweep-threshold", default: "0.05", commands: [.sync])

    static let sweptWithinDays = Setting(
        "QAI_SWEPT_WITHIN_DAYS", flag: "--swept-within-days", default: "2", commands: [.status])
    static let readerPassword = Setting(
        "QAI_READER_PASSWORD", flag: nil, default: nil, commands: [.migrate], isSecret: true)
    static let mockClientSecret = Setting(
        "QAI_MOCK_CLIENT_SECRET", flag: "--client-secret", default: MockAPIConfiguration.defaultClientSecret,
        commands: [.mockAPI], isSecret: true)

    /// Every setting, in the README's order.
    static let all: [Setting] = [
        databaseURL, schema, logLevel, logFormat, apiBaseURL, apiPathPrefix, streams, accountId, orgId, jwt,
        clientId, clientSecret, requestsPerMinute, includeBelowThreshold, proxy, caFile, sliceHours, concurrency,
        writers, lockTimeoutSeconds, strictTypes, metricsFile, metricsPushURL, since, lookbackDays, maxRequests,
        settleMinutes, fillGaps, resweep, resweepMaxIntervalDays, resweepMinIntervalDays, resweepThreshold,
        sweptWithinDays, readerPassword, mockClientSecret,
    ]
}

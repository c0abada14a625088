import ArgumentParser
import Foundation
import Postgres
import Warehouse

/// `qai-loader sync`: the nightly job.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
            "The nightly job: load new data where each stream's coverage ends, then re-sweep the lookback window.",
        discussion: """
            New data runs from where the stream's loaded coverage continues (the end of the loaded range that \
            holds its watermark, so a backfill that reached it counts; without a watermark the end of the newest \
            loaded range; with nothing loaded --since, default 7 days ago) up to now minus --settle-minutes. \
            --fill-gaps also loads every hole in the coverage (qai-loader status lists them). Then days of the \
            trailing --lookback-days are fetched again for late audits: with --resweep adaptive (the default) \
            the days where audit changes are likeliest, from the lag learned from fact_audit_history, each day at \
            least every --resweep-max-interval-days and once more as it leaves the window; with --resweep \
            uniform every day, newest first. --max-requests bounds the run's requests. Several streams share the \
            account's request budget.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var api: APIOptions
    @OptionGroup var locks: LockOptions
    @OptionGroup var types: TypeDriftOptions

    @Option(help: "Where a stream without a watermark starts (default: 7 days ago).")
    var since: TimeArgument?

    @Option(help: "Days of already loaded data to re-sweep for late audits. Env: QAI_LOOKBACK_DAYS. Default 14.")
    var lookbackDays: Int?

    @Option(help: "Stop starting new slices after this many API requests (default: no limit).")
    var maxRequests: Int?

    @Option(help: "Leave the newest minutes for the next run, so conversations still being evaluated settle.")
    var settleMinutes = 10

    @Option(help: "Hours per slice.")
    var sliceHours = 24

    @Option(help: "Slices fetched at the same time.")
    var concurrency = 4

    @Option(help: "Database connections loading batches at the same time (1 loads strictly in order).")
    var writers = 2

    @OptionGroup var metrics: MetricsOptions

    @Flag(help: "Also load every hole in each stream's coverage (see qai-loader status).")
    var fillGaps = false

    @OptionGroup var resweep: ResweepOptions

    @OptionGroup var clock: ClockOption

    func validate() throws {
        guard sliceHours > 0 else { throw ValidationError("--slice-hours must be at least 1") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1") }
        guard (1...16).contains(writers) else { throw ValidationError("--writers must be between 1 and 16") }
        guard settleMinutes >= 0 else { throw ValidationError("--settle-minutes must not be negative") }
        if let maxRequests, maxRequests < 1 { throw ValidationError("--max-requests must be at least 1") }
        if let lookbackDays, lookbackDays < 0 { throw ValidationError("--lookback-days must not be negative") }
    }

    func run() async throws {
        let logger = options.makeLogger()
        let settings = try await options.settings()
        let (apiConfiguration, http) = try api.resolve(settings: settings)
        let metricsOutputs = try metrics.outputs(settings: settings, caBundle: http.caBundle)
        let schema = try options.schemaIdentifier(settings: settings)
        let strictTypes = try types.strict(settings: settings)
        let lookback = try lookbackDays ?? settings.integer("QAI_LOOKBACK_DAYS") ?? 14
        let policy = try resweep.policy(settings: settings)
        let now = clock.seconds
        let runClock = clock.clock
        let schedule = SyncSchedule(
            streams: apiConfiguration.streamIds, now: now, settleSeconds: Int64(settleMinutes) * 60,
            since: since.map(\.seconds), lookbackDays: lookback, sliceSeconds: Int64(sliceHours) * 3600,
            fillGaps: fillGaps, resweep: policy)
        var runOptions = [
            "streams": apiConfiguration.streamIds.joined(separator: ","), "lookback_days": String(lookback),
            "slice_hours": String(sliceHours), "settle_minutes": String(settleMinutes),
        ]
        runOptions["since"] = since?.text
        runOptions["max_requests"] = maxRequests.map(String.init)
        let options = runOptions
        let lockPolicy = locks.policy
        try await LoadRunner.run(
            command: "sync", api: apiConfiguration, http: http,
            database: self.options.databaseConfiguration(settings: settings),
            schema: schema,
            metrics: metricsOutputs, strictTypes: strictTypes, logger: logger
        ) { connection in
            let (plan, request) = try await NightlySync.prepare(
                schedule, options: options, concurrency: concurrency, writers: writers, maxRequests: maxRequests,
                lockPolicy: lockPolicy, clock: runClock, schema: schema, on: connection)
            SyncPlanLog.log(plan, logger: logger)
            return request
        }
    }
}

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

    @Option(help: "Where a stream without a watermark starts. Env: QAI_SINCE. Default: 7 days ago.")
    var since: TimeArgument?

    @Option(help: "Days of already loaded data to re-sweep for late audits. Env: QAI_LOOKBACK_DAYS. Default 14.")
    var lookbackDays: Int?

    @Option(help: "Stop starting new slices after this many API requests. Env: QAI_MAX_REQUESTS. Default: no limit.")
    var maxRequests: Int?

    @Option(
        help: """
            Leave the newest minutes for the next run, so conversations still being evaluated settle. \
            Env: QAI_SETTLE_MINUTES. Default 10.
            """)
    var settleMinutes: Int?

    @OptionGroup var load: LoadOptions

    @OptionGroup var metrics: MetricsOptions

    @Flag(
        inversion: .prefixedNo,
        help:
            "Also load every hole in each stream's coverage (see qai-loader status). Env: QAI_FILL_GAPS. Default false."
    )
    var fillGaps: Bool?

    @OptionGroup var resweep: ResweepOptions

    @OptionGroup var clock: ClockOption

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        let logger = resolved.log.makeLogger()
        let schema = resolved.schema
        let runClock = clock.clock
        let schedule = SyncSchedule(
            streams: resolved.api.streamIds, now: clock.seconds, settleSeconds: Int64(resolved.settleMinutes) * 60,
            since: resolved.since.map(\.seconds), lookbackDays: resolved.lookbackDays,
            sliceSeconds: Int64(resolved.sliceHours) * 3600, fillGaps: resolved.fillGaps, resweep: resolved.resweep)
        var runOptions = [
            "streams": resolved.api.streamIds.joined(separator: ","), "lookback_days": String(resolved.lookbackDays),
            "slice_hours": String(resolved.sliceHours), "settle_minutes": String(resolved.settleMinutes),
        ]
        runOptions["since"] = resolved.since?.text
        runOptions["max_requests"] = resolved.maxRequests.map(String.init)
        let options = runOptions
        try await LoadRunner.run(
            command: .sync, api: resolved.api, http: resolved.http, database: resolved.database, schema: schema,
            metrics: resolved.metrics, strictTypes: resolved.strictTypes, logger: logger
        ) { connection in
            let (plan, request) = try await NightlySync.prepare(
                schedule, options: options, concurrency: resolved.concurrency, writers: resolved.writers,
                maxRequests: resolved.maxRequests, lockPolicy: resolved.lockPolicy, clock: runClock, schema: schema,
                on: connection)
            SyncPlanLog.log(plan, logger: logger)
            return request
        }
    }
}

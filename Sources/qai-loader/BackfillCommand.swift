import ArgumentParser
import Foundation
import Postgres
import Warehouse

/// `qai-loader backfill --from T --to T`: load an explicit range.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Load an explicit time range (UTC). A rerun after a failure resumes where it stopped.",
        discussion: """
            --from and --to take a date (YYYY-MM-DD) or "YYYY-MM-DD HH:MM:SS", in UTC. A date given to --to \
            means the whole of that day. A range reaching past ten minutes ago is loaded up to then (sync \
            continues from there). The range is cut into slices (--slice-hours), fetched concurrently \
            and committed slice group by slice group.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var api: APIOptions
    @OptionGroup var locks: LockOptions
    @OptionGroup var types: TypeDriftOptions

    @OptionGroup var range: RangeOptions

    @Option(help: "Hours per slice.")
    var sliceHours = 24

    @Option(help: "Slices fetched at the same time.")
    var concurrency = 4

    @Option(help: "Database connections loading batches at the same time (1 loads strictly in order).")
    var writers = 2

    @OptionGroup var clock: ClockOption

    @OptionGroup var metrics: MetricsOptions

    func validate() throws {
        guard sliceHours > 0 else { throw ValidationError("--slice-hours must be at least 1") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1") }
        guard (1...16).contains(writers) else { throw ValidationError("--writers must be between 1 and 16") }
    }

    func run() async throws {
        let logger = options.makeLogger()
        let settings = try await options.settings()
        let (apiConfiguration, http) = try api.resolve(settings: settings)
        let metricsOutputs = try metrics.outputs(settings: settings, caBundle: http.caBundle)
        let schema = try options.schemaIdentifier(settings: settings)
        let strictTypes = try types.strict(settings: settings)
        let end = try range.end(now: clock.seconds, nothing: "to load yet (sync loads it later)")
        if end < range.endExclusive {
            logger.notice(
                "backfill.clipped",
                metadata: [
                    "range.end": "\(StatusTime.iso(end))", "advice": "later data is loaded by 'qai-loader sync'",
                ])
        }
        let windows = SlicePlanner.windows(from: range.from.seconds, to: end, sliceSeconds: Int64(sliceHours) * 3600)
        let slices = apiConfiguration.streamIds.flatMap { stream in
            windows.map { SliceSpec(streamId: stream, window: $0, kind: .backfill) }
        }
        let request = SyncRequest(
            command: "backfill",
            options: [
                "from": range.from.text, "to": range.to.text,
                "streams": apiConfiguration.streamIds.joined(separator: ","),
                "slice_hours": String(sliceHours),
            ], slices: slices, concurrency: concurrency, writers: writers, lockPolicy: locks.policy,
            clock: clock.clock)
        try await LoadRunner.run(
            command: "backfill", api: apiConfiguration, http: http,
            database: options.databaseConfiguration(settings: settings),
            schema: schema,
            metrics: metricsOutputs, strictTypes: strictTypes, logger: logger
        ) { _ in request }
    }
}

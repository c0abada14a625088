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

    @OptionGroup var load: LoadOptions

    @OptionGroup var clock: ClockOption

    @OptionGroup var metrics: MetricsOptions

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        let logger = resolved.log.makeLogger()
        let end = try range.end(now: clock.seconds, nothing: "to load yet (sync loads it later)")
        if end < range.endExclusive {
            logger.notice(
                "backfill.clipped",
                metadata: [
                    "range.end": "\(StatusTime.iso(end))", "advice": "later data is loaded by 'qai-loader sync'",
                ])
        }
        let windows = SlicePlanner.windows(
            from: range.from.seconds, to: end, sliceSeconds: Int64(resolved.sliceHours) * 3600)
        let slices = resolved.api.streamIds.flatMap { stream in
            windows.map { SliceSpec(streamId: stream, window: $0, kind: .backfill) }
        }
        var request = SyncRequest(
            command: .backfill,
            options: [
                "from": range.from.text, "to": range.to.text,
                "streams": resolved.api.streamIds.joined(separator: ","),
                "slice_hours": String(resolved.sliceHours),
            ], slices: slices, concurrency: resolved.concurrency, writers: resolved.writers,
            lockPolicy: resolved.lockPolicy, clock: clock.clock)
        request.sliceSeconds = Int64(resolved.sliceHours) * 3600
        try await LoadRunner.run(
            command: .backfill, api: resolved.api, http: resolved.http, database: resolved.database,
            schema: resolved.schema, metrics: resolved.metrics, strictTypes: resolved.strictTypes, logger: logger
        ) { _ in request }
    }
}

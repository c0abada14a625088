import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import Postgres
import QualityAI
import Warehouse

/// `qai-loader verify --from T --to T [--repair]`: reconcile the warehouse with the API.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare the warehouse with the API per day (one limit=1 request a day) and repair what differs.",
        discussion: """
            For every stream and day-slice of the range, one request with limit=1 reads the API's totalResults, \
            compared with the warehouse's conversations of that stream whose start lies in the slice (plus the \
            slice's distinct quarantined records). Prints the slices that differ and the requests spent (they \
            count against the account's --requests-per-minute like every other request). --repair reloads exactly \
            those slices and checks them again. Exit code 0 when everything matches, 3 when slices still differ.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var api: APIOptions

    @OptionGroup var range: RangeOptions

    @Option(help: "Hours per compared slice. Env: QAI_SLICE_HOURS. Default 24.")
    var sliceHours: Int?

    @Option(help: "Requests sent at the same time. Env: QAI_CONCURRENCY. Default 4.")
    var concurrency: Int?

    @Flag(help: "Reload the slices that differ, then check them again.")
    var repair = false

    @Flag(help: "Print JSON (every compared slice) instead of text.")
    var json = false

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        let logger = resolved.log.makeLogger()
        let (apiConfiguration, schema, database) = (resolved.api, resolved.schema, resolved.database)
        let sliceSeconds = Int64(resolved.sliceHours) * 3600
        // Like backfill: nothing past ten minutes ago is compared or repaired.
        let now = Int64(Date().timeIntervalSince1970)
        let end = try range.end(now: now, nothing: "to compare yet")
        let runOptions = [
            "from": range.from.text, "to": range.to.text, "streams": apiConfiguration.streamIds.joined(separator: ","),
            "slice_hours": String(resolved.sliceHours), "started_at": String(now),
        ]
        let httpClient = resolved.http.makeClient(logger: logger)
        let outcome: VerifyOutcome
        do {
            outcome = try await reconcile(
                httpClient: httpClient, api: apiConfiguration, schema: schema, database: database,
                range: (range.from.seconds, end), sliceSeconds: sliceSeconds, concurrency: resolved.concurrency,
                runOptions: runOptions, logger: logger)
            try await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        print(json ? try outcome.json() : outcome.text())
        if outcome.stillDiffering > 0 { throw ExitStatus.incomplete }
    }

    /// Checks, and with `--repair` reloads and checks again, through one API client.
    private func reconcile(
        httpClient: HTTPClient, api apiConfiguration: APIConfiguration, schema: Identifier,
        database: DatabaseConfiguration, range: (from: Int64, to: Int64), sliceSeconds: Int64, concurrency: Int,
        runOptions: [String: String], logger: Logger
    ) async throws -> VerifyOutcome {
        try await CommandRunner.catching {
            let client = try RawDataClient(
                httpClient: httpClient, configuration: apiConfiguration,
                limiter: RateLimiter(requestsPerMinute: apiConfiguration.requestsPerMinute), logger: logger)
            let reconciler = Reconciler(client: client, schema: schema, logger: logger)
            let checks = try await Connection.withConnection(database, logger: logger) {
                try await reconciler.check(
                    streams: apiConfiguration.streamIds, from: range.from, to: range.to,
                    sliceSeconds: sliceSeconds, concurrency: concurrency, options: runOptions, on: $0)
            }
            var outcome = VerifyOutcome(checks: checks, requests: client.statistics.snapshot().requests)
            let differing = checks.filter(\.differs)
            guard repair, !differing.isEmpty else { return outcome }
            let pipeline = SyncPipeline(client: client, database: database, schema: schema, logger: logger)
            outcome.repair = try await pipeline.run(
                SyncRequest(
                    command: .repair, options: runOptions,
                    slices: differing.map { SliceSpec(streamId: $0.streamId, window: $0.window, kind: .repair) },
                    concurrency: concurrency))
            var targets: [String: [TimeWindow]] = [:]
            for check in differing { targets[check.streamId, default: []].append(check.window) }
            outcome.rechecked = try await Connection.withConnection(database, logger: logger) {
                try await reconciler.check(
                    targets, sliceSeconds: sliceSeconds, concurrency: concurrency, options: runOptions, on: $0)
            }
            outcome.requests = client.statistics.snapshot().requests
            return outcome
        }
    }
}

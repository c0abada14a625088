import AsyncHTTPClient
import Logging
import Postgres
import QualityAI
import Warehouse

/// Builds the API client and pipeline for `sync` and `backfill`, runs a request, prints the
/// summary, publishes the metrics (file, Pushgateway) and maps the outcome to an exit code.
enum LoadRunner {
    static func run(
        command: RunCommand, api: APIConfiguration, http: HTTPClientFactory, database: DatabaseConfiguration,
        schema: Identifier, metrics: MetricsOutputs, strictTypes: Bool = false, logger: Logger,
        plan: (Connection) async throws -> SyncRequest
    ) async throws {
        let httpClient = http.makeClient(logger: logger)
        let summary: RunSummary
        let gaps: [String: [Coverage.Range]]
        // The error that stopped the run, before `CommandRunner` turns it into an exit code.
        var failure: (any Error)?
        do {
            (summary, gaps) = try await CommandRunner.catching {
                do {
                    return try await load(
                        api: api, httpClient: httpClient, database: database, schema: schema,
                        strictTypes: strictTypes, logger: logger, plan: plan)
                } catch {
                    failure = error
                    throw error
                }
            }
            ProgressLine.clear()
            try await httpClient.shutdown()
        } catch {
            ProgressLine.clear()
            try? await httpClient.shutdown()
            await metrics.failed(command: command, error: failure ?? error, logger: logger)
            throw error
        }
        TypeDriftLog.log(summary, strict: strictTypes, logger: logger)
        print(RunReport.text(summary, gaps: gaps))
        try await metrics.finished(summary: summary, command: command, gaps: gaps, logger: logger)
        if summary.totals.rejected > 0 { throw ExitStatus.rejectedRecords }
    }

    /// Plans and runs the request (paced by the account's budget), then reads each stream's
    /// coverage gaps.
    private static func load(
        api: APIConfiguration, httpClient: HTTPClient, database: DatabaseConfiguration, schema: Identifier,
        strictTypes: Bool, logger: Logger, plan: (Connection) async throws -> SyncRequest
    ) async throws -> (RunSummary, [String: [Coverage.Range]]) {
        try api.validate()
        var request = try await Connection.withConnection(database, logger: logger) { try await plan($0) }
        request.strictTypes = strictTypes
        if strictTypes { request.options["strict_types"] = "true" }
        // The account's budget is shared through the warehouse with its other processes, unless
        // it is unlimited (0).
        let shared =
            api.requestsPerMinute > 0
            ? await SharedRequestBudget.open(
                accountId: api.accountId, requestsPerMinute: api.requestsPerMinute, database: database,
                schema: schema, logger: logger)
            : nil
        let summary: RunSummary
        do {
            let client = try RawDataClient(
                httpClient: httpClient, configuration: api, limiter: shared ?? RateLimiter(requestsPerMinute: 0),
                logger: logger)
            let pipeline = SyncPipeline(
                client: client, database: database, schema: schema, logger: logger,
                progress: ProgressLine.isTerminal ? ProgressLine.draw : nil)
            summary = try await pipeline.run(request)
            await shared?.close()
        } catch {
            await shared?.close()
            throw error
        }
        let coverage = try await Connection.withConnection(database, logger: logger) {
            try await Coverage.read(schema: schema, on: $0)
        }
        var gaps: [String: [Coverage.Range]] = [:]
        for stream in api.streamIds { gaps[stream] = coverage[stream]?.gaps() ?? [] }
        return (summary, gaps)
    }
}

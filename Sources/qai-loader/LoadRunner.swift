import AsyncHTTPClient
import Logging
import Postgres
import QualityAI
import Warehouse

/// Builds the API client and pipeline for `sync` and `backfill`, runs a request, prints the
/// summary, writes the metrics file and maps the outcome to an exit code.
enum LoadRunner {
    static func run(
        command: String, api: APIConfiguration, http: HTTPClientFactory, database: DatabaseConfiguration,
        schema: Identifier,
        metricsFile: String?, strictTypes: Bool = false, logger: Logger,
        plan: (Connection) async throws -> SyncRequest
    ) async throws {
        let httpClient = http.makeClient(logger: logger)
        let summary: RunSummary
        let gaps: [String: [Coverage.Range]]
        do {
            (summary, gaps) = try await CommandRunner.catching {
                let client = try RawDataClient(
                    httpClient: httpClient, configuration: api,
                    limiter: RateLimiter(requestsPerMinute: api.requestsPerMinute), logger: logger)
                var request = try await Connection.withConnection(database, logger: logger) { try await plan($0) }
                request.strictTypes = strictTypes
                if strictTypes { request.options["strict_types"] = "true" }
                let pipeline = SyncPipeline(
                    client: client, database: database, schema: schema, logger: logger,
                    progress: ProgressLine.isTerminal ? ProgressLine.draw : nil)
                let summary = try await pipeline.run(request)
                let coverage = try await Connection.withConnection(database, logger: logger) {
                    try await Coverage.read(schema: schema, on: $0)
                }
                var gaps: [String: [Coverage.Range]] = [:]
                for stream in api.streamIds { gaps[stream] = coverage[stream]?.gaps() ?? [] }
                return (summary, gaps)
            }
            ProgressLine.clear()
            try await httpClient.shutdown()
        } catch {
            ProgressLine.clear()
            try? await httpClient.shutdown()
            if let metricsFile { try? MetricsFile.writeFailure(command: command, error: error, to: metricsFile) }
            throw error
        }
        TypeDriftLog.log(summary, strict: strictTypes, logger: logger)
        print(RunReport.text(summary, gaps: gaps))
        if let metricsFile {
            try MetricsFile.write(summary: summary, command: command, gaps: gaps, to: metricsFile)
        }
        if summary.totals.rejected > 0 { throw ExitStatus.rejectedRecords }
    }
}

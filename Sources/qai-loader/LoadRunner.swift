import AsyncHTTPClient
import Logging
import Postgres
import QualityAI
import Warehouse

/// Builds the API client and pipeline for `sync` and `backfill`, runs a request, prints the
/// summary and maps the outcome to an exit code.
enum LoadRunner {
    static func run(
        api: APIConfiguration, database: DatabaseConfiguration, schema: Identifier, logger: Logger,
        plan: (Connection) async throws -> SyncRequest
    ) async throws {
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let summary = try await CommandRunner.catching {
                let client = try RawDataClient(
                    httpClient: httpClient, configuration: api,
                    limiter: RateLimiter(requestsPerMinute: api.requestsPerMinute), logger: logger)
                let request = try await Connection.withConnection(database, logger: logger) { try await plan($0) }
                let pipeline = SyncPipeline(
                    client: client, database: database, schema: schema, logger: logger,
                    progress: ProgressLine.isTerminal ? ProgressLine.draw : nil)
                return try await pipeline.run(request)
            }
            try await httpClient.shutdown()
            ProgressLine.clear()
            print(RunReport.text(summary))
            if summary.totals.rejected > 0 { throw ExitStatus.rejectedRecords }
        } catch {
            ProgressLine.clear()
            try? await httpClient.shutdown()
            throw error
        }
    }
}

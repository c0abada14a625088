import AsyncHTTPClient
import EmbeddedPostgres
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import Warehouse

/// What the sync benchmarks share: a mock API, a fresh migrated database on the throwaway
/// cluster, and the backfill request the CLI would build for the mock's whole range (one-day
/// slices, `backfill`'s default concurrency).
struct SyncFixture {
    let mock: BenchMock
    let database: DatabaseConfiguration
    let schema: Identifier
    let api: APIConfiguration
    let slices: [SliceSpec]
    let request: SyncRequest
    let httpClient: HTTPClient
    let cpu: CPUMeter
    let logger: Logger

    /// Midnight UTC today: a fixed end, so every slice is a whole day.
    static func todayMidnight() -> Int64 {
        let now = Int64(Date().timeIntervalSince1970)
        return now - now % 86_400
    }

    /// `citus`: instead of a fresh database on the throwaway cluster, the Citus coordinator's
    /// database, with the schema dropped, migrated anew and distributed.
    static func start(
        conversations: Int, days: Int, concurrency: Int, writers: Int = 2,
        batchConversations: Int = SyncRequest.defaultBatchConversations, inProcessMock: Bool,
        citus: DatabaseConfiguration? = nil, faults: FaultConfiguration = FaultConfiguration()
    ) async throws
        -> SyncFixture
    {
        var logger = Logger(label: "qai-bench")
        logger.logLevel = .warning
        let end = todayMidnight()
        let mock = try await BenchMock.start(
            conversations: conversations, days: days, end: end, inProcess: inProcessMock, faults: faults)
        let database: DatabaseConfiguration
        if let citus {
            database = citus
        } else {
            database = try await TestPostgres.makeDatabase(prefix: "qai_bench_sync")
        }
        let schema = try Identifier("qai")
        try await Connection.withConnection(database, logger: logger) { connection in
            if citus != nil {
                try await connection.execute(Query("DROP SCHEMA IF EXISTS \(identifier: schema) CASCADE"))
            }
            _ = try await Migrator(schema: schema).migrate(connection, logger: logger)
            if citus != nil {
                _ = try await Distributor(schema: schema).distribute(connection, logger: logger)
            }
        }
        let api = APIConfiguration(
            baseURL: mock.baseURL, streamIds: [BenchMock.stream], accountId: "bench-account", orgId: "bench-org",
            credentials: .clientCredentials(
                clientId: "bench-client", clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0)
        let start = end - Int64(days) * 86_400
        let slices = SlicePlanner.windows(from: start, to: end, sliceSeconds: 86_400).map {
            SliceSpec(streamId: BenchMock.stream, window: $0, kind: .backfill)
        }
        let request = SyncRequest(
            command: .backfill,
            options: [
                "from": VendorTimestamp.format(start), "to": VendorTimestamp.format(end - 1),
                "streams": BenchMock.stream, "slice_hours": "24",
            ], slices: slices, concurrency: concurrency, batchConversations: batchConversations, writers: writers)
        let cpu = CPUMeter(mockPID: mock.pid, clusterDirectory: try await TestPostgres.server().cluster?.directory)
        return SyncFixture(
            mock: mock, database: database, schema: schema, api: api, slices: slices, request: request,
            httpClient: HTTPClient(eventLoopGroupProvider: .singleton), cpu: cpu, logger: logger)
    }

    /// A client with its own statistics, unthrottled.
    func makeClient() throws -> RawDataClient {
        try RawDataClient(
            httpClient: httpClient, configuration: api, limiter: RateLimiter(requestsPerMinute: 0), logger: logger)
    }

    /// One backfill through `SyncPipeline`, as `qai-loader backfill` runs it; wall time around it.
    func load() async throws -> (summary: RunSummary, seconds: Double, cpu: CPUMeter.Reading) {
        let pipeline = SyncPipeline(client: try makeClient(), database: database, schema: schema, logger: logger)
        var summary: RunSummary?
        let before = cpu.read()
        let seconds = try await Figures.time { summary = try await pipeline.run(request) }
        try await Task.sleep(for: .milliseconds(50))
        let used = cpu.read() - before
        guard let summary else { throw ValidationErrorText("the sync run returned no summary") }
        return (summary, seconds, used)
    }

    /// Rows of `table` in the warehouse schema.
    func count(_ table: String) async throws -> Int {
        try await Connection.withConnection(database, logger: logger) { connection in
            let rows = try await connection.execute(
                // The table is one of the schema's, named by the benchmark's code.
                Query(unsafeSQL: "SELECT count(*) FROM \(schema.qualifying(table))"))
            return try rows.first?.decode(0, as: Int.self) ?? 0
        }
    }

    /// Makes the server log every statement of this database with its duration.
    func logStatements() async throws {
        try await Connection.withConnection(database, logger: logger) { connection in
            let name = try await connection.execute(Query("SELECT current_database()"))
            let database = try Identifier(name.first?[0] ?? "")
            try await connection.execute(
                Query("ALTER DATABASE \(identifier: database) SET log_min_duration_statement = 0"))
        }
    }

    /// Copies the throwaway cluster's server log to `path`.
    func copyServerLog(to path: String) async throws {
        guard let directory = try await TestPostgres.server().cluster?.directory else {
            throw ValidationErrorText("no throwaway cluster: the server log is the server's own")
        }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(at: directory.appending(path: "server.log"), to: URL(filePath: path))
    }

    func shutdown() async {
        try? await httpClient.shutdown()
        await mock.stop()
    }
}

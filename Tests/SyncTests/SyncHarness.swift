import AsyncHTTPClient
import EmbeddedPostgres
import Logging
import MockAPI
import Postgres
import QualityAI
import TestSupport
import Warehouse

/// One test's world: a migrated database of its own, the mock API in-process on a free port, an
/// HTTP client shared by the loader and the truth look-ups, and a connection that watches the
/// warehouse from outside the loader.
struct SyncHarness: Sendable {
    /// 2026-02-01 00:00:00 UTC (20,485 days after 1970-01-01, worked out by hand): every data set ends here.
    static let end: Int64 = 1_769_904_000
    static let clientId = "cs-sync-tests"

    let database: DatabaseConfiguration
    let schema: Identifier
    let mock: RunningMockAPIServer
    let configuration: MockAPIConfiguration
    let http: HTTPClient
    let observer: Connection
    let logger: Logger

    /// The truth look-ups of this harness's mock.
    var truth: MockTruth { MockTruth(baseURL: mock.baseURL, http: http) }

    /// Runs `body` against a fresh database (warehouse in `schema`) and a mock serving
    /// `conversations` per stream over the `days` before ``end``; stops everything afterwards.
    /// `citus`: the warehouse is instead the schema, dropped and migrated anew, then distributed,
    /// in the Citus coordinator's database that `QAI_TEST_CITUS_URL` names.
    static func with<T>(
        conversations: Int, days: Int, streams: [String] = ["st-sync"], seed: UInt64 = 5, schema: String = "qai",
        citus: Bool = false, _ body: (SyncHarness) async throws -> T
    ) async throws -> T {
        let logger = testLogger
        let schema = try Identifier(schema)
        let database: DatabaseConfiguration
        if citus {
            database = try CitusCluster.coordinator()
        } else {
            database = try await TestPostgres.makeDatabase(prefix: "qai_sync")
        }
        let observer = try await Connection.connect(database, logger: logger)
        if citus {
            try await observer.execute(Query(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema.quoted) CASCADE"))
        }
        let configuration = MockAPIConfiguration(
            port: 0, streams: streams, conversationsPerStream: conversations, days: days, end: end, seed: seed)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var mock: RunningMockAPIServer?
        do {
            _ = try await Migrator(schema: schema).migrate(observer, logger: logger)
            if citus {
                _ = try await Distributor(schema: schema).distribute(observer, logger: logger)
            }
            let server = try await MockHarness.start(configuration).server
            mock = server
            let harness = SyncHarness(
                database: database, schema: schema, mock: server, configuration: configuration, http: http,
                observer: observer, logger: logger)
            let result = try await body(harness)
            await server.stop()
            await observer.close()
            try await http.shutdown()
            return result
        } catch {
            await mock?.stop()
            await observer.close()
            try? await http.shutdown()
            throw error
        }
    }

    /// A client for this mock: minted tokens, quick retries; `limiter` unlimited unless given.
    func client(
        limiter: any RequestBudget = RateLimiter(requestsPerMinute: 0),
        _ adjust: (inout APIConfiguration) -> Void = { _ in }
    ) throws -> RawDataClient {
        var settings = APIConfiguration(
            baseURL: mock.baseURL, streamIds: configuration.streams, accountId: "acc-sync", orgId: "o-sync",
            credentials: .clientCredentials(
                clientId: Self.clientId, clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0, requestTimeout: .seconds(15), maxAttempts: 8, retryBaseDelay: .milliseconds(5),
            retryMaxDelay: .milliseconds(100))
        adjust(&settings)
        return try RawDataClient(httpClient: http, configuration: settings, limiter: limiter, logger: logger)
    }

    /// A backfill of the mock's whole range in slices of `sliceHours`, as `qai-loader backfill` plans it.
    func backfill(
        streams: [String]? = nil, sliceHours: Int = 24, concurrency: Int = 4, batchConversations: Int = 2_000
    ) -> SyncRequest {
        let streams = streams ?? configuration.streams
        let windows = SlicePlanner.windows(
            from: configuration.start, to: configuration.end, sliceSeconds: Int64(sliceHours) * 3_600)
        let slices = streams.flatMap { stream in
            windows.map { SliceSpec(streamId: stream, window: $0, kind: .backfill) }
        }
        var request = SyncRequest(
            command: .backfill,
            options: [
                "from": String(configuration.start), "to": String(configuration.end),
                "streams": streams.joined(separator: ","), "slice_hours": String(sliceHours),
            ], slices: slices, concurrency: concurrency, batchConversations: batchConversations)
        request.sliceSeconds = Int64(sliceHours) * 3_600
        return request
    }

    /// Runs `request` through a fresh pipeline with `client` (a default client when nil).
    func run(_ request: SyncRequest, client: RawDataClient? = nil) async throws -> RunSummary {
        let pipeline = SyncPipeline(
            client: try client ?? self.client(), database: database, schema: schema, logger: logger)
        return try await pipeline.run(request)
    }

    /// Runs a query on the observer connection.
    func query(_ query: Query) async throws -> Rows {
        try await observer.execute(query)
    }

    /// The single integer a query returns (0 for NULL).
    func integer(_ query: Query) async throws -> Int {
        try await observer.execute(query).first?.decode(0, as: Int.self) ?? 0
    }

    /// One `etl_run` row's figures (in the harness's schema).
    func runRecord(_ runId: Int64) async throws -> RunRecord {
        let rows = try await observer.execute(
            """
            SELECT status, fetched, inserted, updated, unchanged, rejected, requests, retries, rate_limited, error
            FROM \(identifier: schema).etl_run WHERE run_id = \(runId)
            """)
        guard let row = rows.first else { throw SyncTestError("etl_run has no row for run \(runId)") }
        return RunRecord(
            status: row[0] ?? "", fetched: try row.decode(1) ?? -1, inserted: try row.decode(2) ?? -1,
            updated: try row.decode(3) ?? -1, unchanged: try row.decode(4) ?? -1, rejected: try row.decode(5) ?? -1,
            requests: try row.decode(6) ?? -1, retries: try row.decode(7) ?? -1,
            rateLimited: try row.decode(8) ?? -1, error: row[9])
    }
}

/// The counters of one `etl_run` row.
struct RunRecord: Sendable, Equatable {
    var status: String
    var fetched: Int
    var inserted: Int
    var updated: Int
    var unchanged: Int
    var rejected: Int
    var requests: Int
    var retries: Int
    var rateLimited: Int
    var error: String?
}

/// A test's own failure with a message.
struct SyncTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

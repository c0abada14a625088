import EmbeddedPostgres
import Foundation
import MockAPI
import Postgres
import QualityAI
import TestSupport
import Warehouse

/// One warehouse loaded from the in-process mock, shared by the tests of this target: about
/// 3,000 conversations over 40 days, backfilled, the mock's late-audit epoch advanced, and
/// backfilled again (so audits changed and the audit history has changes), rollups refreshed for
/// the days each run changed, and a read-only role created. Loaded once per test process: on a
/// database of the test server (`shared()`, schema `qai`) and, when `QAI_TEST_CITUS_URL` is set, in
/// the Citus coordinator's database (`citus()`, schema `qai_dash` dropped, migrated and distributed).
struct AnalyticsWarehouse: Sendable {
    static let conversations = 3_000
    static let days = 40
    static let schema = "qai"
    /// The Citus warehouse's schema: not `qai`, which the SyncTests Citus suites drop and recreate
    /// in the same database while this process may still be reading this one.
    static let citusSchema = "qai_dash"

    /// Superuser settings for the warehouse database.
    let database: DatabaseConfiguration
    /// The schema that holds the warehouse (the reader role's `search_path`).
    let warehouseSchema: Identifier
    /// Settings that log in as the read-only role.
    let reader: DatabaseConfiguration
    let readerName: String
    /// End of the mock's data (epoch seconds): two hours after the hour the tests started.
    let end: Int64
    /// The two backfill runs.
    let runIds: [Int64]
    /// What each run did.
    let runTotals: [RunTotals]
    /// Days whose rollups each run refreshed.
    let refreshedDays: [[RollupDay]]
    /// The mock's ground truth per sampled day (after the epoch advance).
    let truthByDay: [RollupDay: WindowTruth]
    /// The mock's ground truth for its whole range (after the epoch advance).
    let wholeTruth: WindowTruth

    static var schemaIdentifier: Identifier { try! Identifier(schema) }

    static func shared() async throws -> AnalyticsWarehouse { try await loading.value }

    /// The warehouse on the Citus cluster `QAI_TEST_CITUS_URL` names, loaded the same way.
    static func citus() async throws -> AnalyticsWarehouse { try await citusLoading.value }

    private static let loading = Task<AnalyticsWarehouse, any Error> {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_analytics")
        return try await load(into: database, schema: schemaIdentifier, distribute: false)
    }

    private static let citusLoading = Task<AnalyticsWarehouse, any Error> {
        let database = try TestCitus.coordinator(applicationName: "qai-analytics-citus-tests")
        return try await load(into: database, schema: Identifier(citusSchema), distribute: true)
    }

    /// Migrates `schema` in `database` (dropped first and then distributed with `distribute`),
    /// loads it from a new mock twice and creates the reader role.
    private static func load(into database: DatabaseConfiguration, schema: Identifier, distribute: Bool)
        async throws -> AnalyticsWarehouse
    {
        try await Connection.withConnection(database, logger: testLogger) { connection in
            if distribute {
                try await connection.execute(
                    Query(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema.quoted) CASCADE", name: "drop schema"))
            }
            _ = try await Migrator(schema: schema).migrate(connection, logger: testLogger)
            if distribute {
                _ = try await Distributor(schema: schema).distribute(connection, logger: testLogger)
            }
        }
        let end = MockAPIConfiguration.currentHour() + 7_200
        let mock = try await MockSource.start(conversations: conversations, days: days, end: end, seed: 7)
        do {
            var runIds: [Int64] = []
            var totals: [RunTotals] = []
            var refreshed: [[RollupDay]] = []
            for pass in 0..<2 {
                if pass == 1 { try await mock.advanceEpoch() }
                let (runId, runTotals, days) = try await backfill(mock, into: database, schema: schema)
                runIds.append(runId)
                totals.append(runTotals)
                refreshed.append(days)
            }
            var truth: [RollupDay: WindowTruth] = [:]
            for day in sampleDays(start: mock.configuration.start, end: end) {
                truth[day] = try await mock.truth(from: day.startEpochSeconds, to: day.startEpochSeconds + 86_399)
            }
            let whole = try await mock.truth(from: mock.configuration.start, to: mock.configuration.end)
            let readerName = "qai_reader_" + UUID().uuidString.prefix(8).lowercased()
            let password = "reader-" + UUID().uuidString
            try await Connection.withConnection(database, logger: testLogger) { connection in
                _ = try await ReaderRole.create(
                    name: Identifier(readerName), schema: schema, password: password, on: connection)
            }
            await mock.stop()
            return AnalyticsWarehouse(
                database: database, warehouseSchema: schema,
                reader: try database.replacing(["user": readerName, "password": password]), readerName: readerName,
                end: end, runIds: runIds, runTotals: totals, refreshedDays: refreshed, truthByDay: truth,
                wholeTruth: whole)
        } catch {
            await mock.stop()
            throw error
        }
    }

    /// Loads the mock's whole range through SyncPipeline in one-day slices, then refreshes the
    /// rollups of the days the run changed.
    private static func backfill(_ mock: MockSource, into database: DatabaseConfiguration, schema: Identifier)
        async throws -> (Int64, RunTotals, [RollupDay])
    {
        let configuration = mock.configuration
        let slices = SlicePlanner.windows(from: configuration.start, to: configuration.end, sliceSeconds: 86_400).map {
            SliceSpec(streamId: MockSource.stream, window: $0, kind: .backfill)
        }
        let request = SyncRequest(
            command: .backfill, options: ["streams": MockSource.stream, "test": "analytics"], slices: slices,
            concurrency: 4)
        let pipeline = SyncPipeline(
            client: try mock.client(), database: database, schema: schema, logger: testLogger)
        let summary = try await pipeline.run(request)
        let refresher = RollupRefresher(schema: schema)
        let days = try await Connection.withConnection(database, logger: testLogger) { connection in
            try await connection.withTransaction { connection in
                let days = try refresher.changedDays(runId: summary.runId, on: connection)
                try refresher.refresh(days: days, on: connection)
                return days
            }
        }
        return (summary.runId, summary.totals, days)
    }

    /// Days whose truth the fixture records: the first and last full days and two between.
    static func sampleDays(start: Int64, end: Int64) -> [RollupDay] {
        let first = RollupDay(containing: start).daysSinceEpoch + 1
        let last = RollupDay(containing: end).daysSinceEpoch - 1
        return [first, first + 11, last - 7, last].map(RollupDay.init(daysSinceEpoch:))
    }

    /// The Grafana time range of the tests: the 30 days ending at the mock's end.
    var grafanaRange: (fromMilliseconds: Int64, toMilliseconds: Int64) {
        ((end - 30 * 86_400) * 1_000, end * 1_000)
    }

    /// Runs `body` on a connection as the superuser.
    func withAdmin<T>(_ body: (Connection) async throws -> T) async throws -> T {
        try await Connection.withConnection(database, logger: testLogger, body)
    }

    /// Runs `body` on a connection as the read-only role.
    func withReader<T>(_ body: (Connection) async throws -> T) async throws -> T {
        try await Connection.withConnection(reader, logger: testLogger, body)
    }
}

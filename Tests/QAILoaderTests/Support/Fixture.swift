import AsyncHTTPClient
import EmbeddedPostgres
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import TestSupport
import Warehouse

/// Databases, roles, the in-process mock API and loads for the command tests.
enum Fixture {
    static let logger = testLogger
    static let stream = "st-dayone"
    static let clientId = "cs-dayone-client"
    /// End of the mock's data: 2026-01-04 00:00:00 UTC; three days of data before it.
    static let end: Int64 = 1_767_225_600 + 3 * 86_400
    static let days = 3

    /// A new database with the warehouse schema `qai` migrated.
    static func migratedDatabase() async throws -> DatabaseConfiguration {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_loader")
        try await Connection.withConnection(database, logger: logger) { connection in
            _ = try await Migrator(schema: try Identifier("qai")).migrate(connection, logger: logger)
        }
        return database
    }

    /// Creates a login role with `password` on the test server; returns its name.
    static func passwordRole(password: String, on database: DatabaseConfiguration) async throws -> String {
        let role = "qai_role_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.execute(
                Query(unsafeSQL: "CREATE ROLE \(try Identifier(role).quoted) LOGIN PASSWORD '\(password)'"))
        }
        return role
    }

    /// Runs `body` with a mock API that accepts tokens signed with `secret`, then stops it.
    static func withMock<T>(
        secret: String = MockAPIConfiguration.defaultClientSecret, conversations: Int = 600,
        faults: FaultConfiguration = FaultConfiguration(), _ body: (RunningMockAPIServer) async throws -> T
    ) async throws -> T {
        let configuration = MockAPIConfiguration(
            port: 0, streams: [stream], conversationsPerStream: conversations, days: days, end: end, seed: 6,
            clientSecret: secret, clientId: clientId, accountId: "acc-dayone", orgId: "o-dayone", faults: faults)
        return try await MockHarness.with(configuration) { harness in try await body(harness.server) }
    }

    /// The loader's environment for `database` and an API at `baseURL`.
    static func environment(
        database: DatabaseConfiguration, apiBaseURL: String, secret: String = MockAPIConfiguration.defaultClientSecret
    ) -> [String: String] {
        [
            "DATABASE_URL": database.connectionString, "QAI_API_BASE_URL": apiBaseURL, "QAI_STREAM_ID": stream,
            "QAI_ACCOUNT_ID": "acc-dayone", "QAI_ORG_ID": "o-dayone", "QAI_CLIENT_ID": clientId,
            "QAI_CLIENT_SECRET": secret, "QAI_REQUESTS_PER_MINUTE": "0",
        ]
    }

    /// Runs a `sync` of the whole mock range (new data), or of its last `lookbackDays` again.
    static func sync(
        mock: RunningMockAPIServer, database: DatabaseConfiguration, lookbackDays: Int = 0
    ) async throws -> RunSummary {
        let api = APIConfiguration(
            baseURL: mock.baseURL, streamIds: [stream], accountId: "acc-dayone", orgId: "o-dayone",
            credentials: .clientCredentials(clientId: clientId, clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0)
        let client = try RawDataClient(
            httpClient: HTTPClient.shared, configuration: api, limiter: RateLimiter(requestsPerMinute: 0),
            logger: logger)
        let schema = try Identifier("qai")
        let schedule = SyncSchedule(
            streams: [stream], now: end, settleSeconds: 0, since: end - Int64(days) * 86_400,
            lookbackDays: lookbackDays)
        let pipeline = SyncPipeline(client: client, database: database, schema: schema, logger: logger)
        let positions = try await Connection.withConnection(database, logger: logger) {
            try await SyncPlanner.positions(schema: schema, on: $0)
        }
        return try await pipeline.run(
            SyncRequest(
                command: .sync, options: ["lookback_days": String(lookbackDays)],
                slices: SyncPlanner.slices(schedule, positions: positions).slices))
    }

    /// The mock's ground truth for the whole range: conversation count and counts by audit status.
    static func truth(_ mock: RunningMockAPIServer) async throws -> (count: Int, byAuditStatus: [String: Int]) {
        let url = "\(mock.baseURL)/mock/truth?stream=\(stream)&include_below_threshold=true"
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
        let byAudit = (object["byAuditStatus"] as? [String: Int] ?? [:]).filter { $0.value > 0 }
        return (object["conversationCount"] as? Int ?? -1, byAudit)
    }

    /// Runs SQL on `database` as its owner.
    static func execute(_ sql: String, on database: DatabaseConfiguration) async throws {
        try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.executeScript(unsafeSQL: sql, name: "fixture")
        }
    }
}

extension Fixture {
    /// The single integer `sql` returns on `database`.
    static func count(_ sql: String, on database: DatabaseConfiguration) async throws -> Int {
        try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.execute(Query(unsafeSQL: sql)).first?.decode(0, as: Int.self) ?? -1
        }
    }
}

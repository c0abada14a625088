import Foundation
import Postgres

/// Reads what `qai-loader status` shows from the bookkeeping and fact tables and the shared
/// request budgets. Read-only (apart
/// from probing a `running` run's lock, which it releases at once); times come from the database
/// clock.
public struct StatusReader: Sendable {
    public let schema: Identifier
    /// How many recent runs to list (and whose rejected records to count).
    public var recentRuns: Int
    /// Length of the lookback window whose coverage is reported.
    public var lookbackDays: Int
    /// A lookback slice counts as covered when it completed within this many days.
    public var sweptWithinDays: Int

    public init(schema: Identifier, recentRuns: Int = 10, lookbackDays: Int = 14, sweptWithinDays: Int = 2) {
        self.schema = schema
        self.recentRuns = recentRuns
        self.lookbackDays = lookbackDays
        self.sweptWithinDays = sweptWithinDays
    }

    /// The report. Throws `WarehouseError.schemaOutdated` (run `qai-loader migrate`) when the
    /// schema is missing or behind, `.databaseNewer` / `.migrationEdited` when it does not match.
    public func read(on connection: Connection) async throws -> WarehouseStatus {
        let migrator = Migrator(schema: schema)
        try await migrator.verifyCurrent(connection)
        let clock = try await connection.execute(
            Query(
                """
                SELECT extract(epoch FROM now())::bigint AS now,
                    (SELECT max(version) FROM \(schema, "schema_migrations")) AS version
                """, name: "status clock and version"))
        let now = try clock.first?.decode("now", as: Int64.self) ?? 0
        let runs = try await readRuns(runningOnly: false, on: connection)
        var running = try await readRuns(runningOnly: true, on: connection)
        for index in running.indices {
            running[index].alive = try await isAlive(running[index].runId, on: connection)
        }
        var status = WarehouseStatus(
            schema: schema.name, schemaVersion: try clock.first?.decode("version", as: Int.self) ?? 0,
            generatedAt: now, runs: runs, running: running, streams: [], conversations: ConversationCounts(),
            rejected: try await rejected(runIds: runs.map(\.runId), on: connection))
        status.streams = try await streams(now: now, on: connection)
        status.budgets = try await budgets(on: connection)
        for stream in status.streams {
            for (audit, count) in stream.conversations.byAuditStatus {
                status.conversations.add(count, auditStatus: audit)
            }
        }
        return status
    }

    /// The last `recentRuns` runs, or every `running` one; newest first.
    func readRuns(runningOnly: Bool, on connection: Connection) async throws -> [RunStatus] {
        let condition: Query = runningOnly ? "WHERE status = \(RunState.running)" : ""
        let limit: Query = runningOnly ? "" : "LIMIT \(max(recentRuns, 0))"
        let rows = try await connection.execute(
            Query(
                """
                SELECT run_id, command, status, extract(epoch FROM started_at)::bigint AS started,
                    extract(epoch FROM finished_at)::bigint AS finished,
                    extract(epoch FROM coalesce(finished_at, now()) - started_at)::float8 AS duration,
                    fetched, inserted, updated, unchanged, rejected, requests, retries, rate_limited,
                    split_part(error, E'\\n', 1) AS error, host, pid, type_drift::text AS type_drift,
                    type_drift_total
                FROM \(schema, "etl_run") \(fragment: condition) ORDER BY run_id DESC \(fragment: limit)
                """, name: "status runs"))
        return try rows.map { row in
            func count(_ name: String) throws -> Int64 { try row.decode(name, as: Int64.self) ?? 0 }
            return RunStatus(
                runId: try count("run_id"), command: try row.require("command"), status: try row.require("status"),
                startedAt: try count("started"), finishedAt: try row.decode("finished", as: Int64.self),
                durationSeconds: try row.decode("duration", as: Double.self) ?? 0, fetched: try count("fetched"),
                inserted: try count("inserted"), updated: try count("updated"), unchanged: try count("unchanged"),
                rejected: try count("rejected"), requests: try count("requests"), retries: try count("retries"),
                rateLimited: try count("rate_limited"),
                typeDrift: Self.fieldCounts(try row.decode("type_drift", as: String.self)),
                typeDriftTotal: try count("type_drift_total"), error: try row.decode("error", as: String.self),
                host: try row.decode("host", as: String.self), pid: try row.decode("pid", as: Int.self), alive: nil)
        }
    }

    /// `{"field": count}` from `etl_run.type_drift` (empty when unreadable).
    static func fieldCounts(_ json: String?) -> [String: Int] {
        guard let json, let counts = try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8)) else {
            return [:]
        }
        return counts
    }

    /// Whether a `running` run's process still holds its lock (a free lock means it died).
    private func isAlive(_ runId: Int64, on connection: Connection) async throws -> Bool {
        let key = RunRecorder.runLockKey(runId)
        guard try await connection.tryAdvisoryLock(key) else { return true }
        try await connection.advisoryUnlock(key)
        return false
    }

    /// Rejected records of `runIds`, grouped by reason with record numbers replaced by `#`.
    func rejected(runIds: [Int64], on connection: Connection) async throws -> RejectedSummary {
        let rows = try await connection.execute(
            Query(
                """
                SELECT regexp_replace(reason, '[0-9]+', '#', 'g') AS reason, count(*) AS n
                FROM \(schema, "etl_rejected") WHERE run_id = ANY(\(runIds)::bigint[])
                GROUP BY 1 ORDER BY n DESC, reason
                """, name: "status rejected"))
        let reasons = try rows.map { row in
            RejectedSummary.Reason(reason: row[0] ?? "", count: try row.decode("n", as: Int.self) ?? 0)
        }
        return RejectedSummary(
            runIds: runIds, total: reasons.reduce(0) { $0 + $1.count }, reasons: Array(reasons.prefix(20)))
    }
}

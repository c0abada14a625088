import Foundation
import Postgres
import QualityAI

/// Writes `etl_run` (the checkpoints, `etl_slice`, `etl_rejected` and `etl_watermark`, are
/// `CheckpointWriter`'s). Options are stored as given by the caller, who must leave secrets out.
public struct RunRecorder: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// The advisory-lock key a run holds while it is alive.
    static func runLockKey(_ runId: Int64) -> String { "qai-loader:run:\(runId)" }

    /// Marks runs left `running` by a process that died as failed. A live run holds its lock, so
    /// only runs whose lock is free are closed. Returns the closed run ids.
    func closeAbandonedRuns(on connection: Connection) async throws -> [Int64] {
        let rows = try await connection.execute(
            Query(
                "SELECT run_id FROM \(schema, "etl_run") WHERE status = \(RunState.running)", name: "find running runs")
        )
        var closed: [Int64] = []
        for row in rows {
            guard let runId = try row.decode("run_id", as: Int64.self) else { continue }
            let key = Self.runLockKey(runId)
            guard try await connection.tryAdvisoryLock(key) else { continue }
            try await connection.execute(
                Query(
                    """
                    UPDATE \(schema, "etl_run") SET status = \(RunState.failed), finished_at = now(),
                        error = coalesce(error, 'abandoned: the process ended without finishing the run')
                    WHERE run_id = \(runId) AND status = \(RunState.running)
                    """))
            try await connection.advisoryUnlock(key)
            closed.append(runId)
        }
        return closed
    }

    /// Inserts the run's row and takes its lock; returns the run id.
    func start(command: RunCommand, options: [String: String], on connection: Connection) async throws -> Int64 {
        let optionsJSON = JSONText.object(options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let host = ProcessInfo.processInfo.hostName
        let pid = String(ProcessInfo.processInfo.processIdentifier)
        let rows = try await connection.execute(
            Query(
                """
                INSERT INTO \(schema, "etl_run") (command, options, host, pid, loader_version)
                VALUES (\(command), \(optionsJSON)::jsonb, \(host), \(pid)::integer, \(LoaderVersion.current)) RETURNING run_id
                """, name: "insert etl_run"))
        guard let runId = try rows.first?.decode("run_id", as: Int64.self) else {
            throw WarehouseError(code: .database, message: "inserting the etl_run row returned no run_id")
        }
        _ = try await connection.tryAdvisoryLock(Self.runLockKey(runId))
        return runId
    }

    /// Records a change of stream state (`stream rewind`, `stream forget`) inside the change's
    /// transaction, as a run that already finished and succeeded (it commits with the change or
    /// not at all); `counts` is the `etl_run.counts` JSON. Returns the run id.
    func recordStateChange(command: RunCommand, options: [String: String], counts: String, on connection: Connection)
        async throws -> Int64
    {
        let optionsJSON = JSONText.object(options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let host = ProcessInfo.processInfo.hostName
        let pid = String(ProcessInfo.processInfo.processIdentifier)
        let rows = try await connection.execute(
            Query(
                """
                INSERT INTO \(schema, "etl_run") (command, status, finished_at, options, counts, host,
                    pid, loader_version)
                VALUES (\(command), \(RunState.succeeded), clock_timestamp(), \(optionsJSON)::jsonb, \(counts)::jsonb, \(host), \(pid)::integer, \(LoaderVersion.current))
                RETURNING run_id
                """, name: "insert etl_run state change"))
        guard let runId = try rows.first?.decode("run_id", as: Int64.self) else {
            throw WarehouseError(code: .database, message: "inserting the etl_run row returned no run_id")
        }
        return runId
    }

    /// Records the end of a run: status, totals and an error text (which must hold no secret).
    func finish(
        runId: Int64, status: RunState, totals: RunTotals, error: String?, on connection: Connection
    ) async throws {
        CrashPoint.beforeFinish.reach()
        try await connection.execute(
            Query(
                """
                UPDATE \(schema, "etl_run")
                SET status = \(status), finished_at = now(), counts = \(totals.perStreamJSON)::jsonb,
                    fetched = \(totals.fetched), inserted = \(totals.load.inserted),
                    updated = \(totals.load.updated), unchanged = \(totals.load.unchanged),
                    rejected = \(totals.rejected), requests = \(totals.requests.requests),
                    retries = \(totals.requests.retries), rate_limited = \(totals.requests.rateLimited),
                    error = \(error), lock_retries = \(totals.lockRetries),
                    type_drift = \(totals.typeDriftJSON)::jsonb, type_drift_total = \(totals.typeDrift.values.reduce(0, +))
                WHERE run_id = \(runId)
                """, name: "finish etl_run"))
        try await connection.advisoryUnlock(Self.runLockKey(runId))
    }
}

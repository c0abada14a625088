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
            Query(unsafeSQL: "SELECT run_id FROM \(schema.qualifying("etl_run")) WHERE status = 'running'"))
        var closed: [Int64] = []
        for row in rows {
            guard let runId = try row.decode("run_id", as: Int64.self) else { continue }
            let key = Self.runLockKey(runId)
            guard try await connection.tryAdvisoryLock(key) else { continue }
            try await connection.execute(
                Query(
                    unsafeSQL: """
                        UPDATE \(schema.qualifying("etl_run")) SET status = 'failed', finished_at = now(),
                            error = coalesce(error, 'abandoned: the process ended without finishing the run')
                        WHERE run_id = $1 AND status = 'running'
                        """, binds: [String(runId)]))
            try await connection.advisoryUnlock(key)
            closed.append(runId)
        }
        return closed
    }

    /// Inserts the run's row and takes its lock; returns the run id.
    func start(command: String, options: [String: String], on connection: Connection) async throws -> Int64 {
        let optionsJSON = JSONText.object(options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let host = ProcessInfo.processInfo.hostName
        let pid = String(ProcessInfo.processInfo.processIdentifier)
        let rows = try await connection.execute(
            Query(
                unsafeSQL: """
                    INSERT INTO \(schema.qualifying("etl_run")) (command, options, host, pid, loader_version)
                    VALUES ($1, $2::jsonb, $3, $4::integer, $5) RETURNING run_id
                    """, binds: [command, optionsJSON, host, pid, LoaderVersion.current], name: "insert etl_run"))
        guard let runId = try rows.first?.decode("run_id", as: Int64.self) else {
            throw WarehouseError(code: .database, message: "inserting the etl_run row returned no run_id")
        }
        _ = try await connection.tryAdvisoryLock(Self.runLockKey(runId))
        return runId
    }

    /// Records a change of stream state (`stream rewind`, `stream forget`) inside the change's
    /// transaction, as a run that already finished and succeeded (it commits with the change or
    /// not at all); `counts` is the `etl_run.counts` JSON. Returns the run id.
    func recordStateChange(command: String, options: [String: String], counts: String, on connection: Connection)
        async throws -> Int64
    {
        let optionsJSON = JSONText.object(options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let host = ProcessInfo.processInfo.hostName
        let pid = String(ProcessInfo.processInfo.processIdentifier)
        let rows = try await connection.execute(
            Query(
                unsafeSQL: """
                    INSERT INTO \(schema.qualifying("etl_run")) (command, status, finished_at, options, counts, host,
                        pid, loader_version)
                    VALUES ($1, 'succeeded', clock_timestamp(), $2::jsonb, $3::jsonb, $4, $5::integer, $6)
                    RETURNING run_id
                    """, binds: [command, optionsJSON, counts, host, pid, LoaderVersion.current],
                name: "insert etl_run state change"))
        guard let runId = try rows.first?.decode("run_id", as: Int64.self) else {
            throw WarehouseError(code: .database, message: "inserting the etl_run row returned no run_id")
        }
        return runId
    }

    /// Records the end of a run: status, totals and an error text (which must hold no secret).
    func finish(
        runId: Int64, status: String, totals: RunTotals, error: String?, on connection: Connection
    ) async throws {
        CrashPoint.reach("before-finish")
        try await connection.execute(
            Query(
                unsafeSQL: """
                    UPDATE \(schema.qualifying("etl_run")) SET status = $2, finished_at = now(), counts = $3::jsonb,
                        fetched = $4, inserted = $5, updated = $6, unchanged = $7, rejected = $8, requests = $9,
                        retries = $10, rate_limited = $11, error = $12, lock_retries = $13, type_drift = $14::jsonb,
                        type_drift_total = $15
                    WHERE run_id = $1
                    """,
                binds: [
                    String(runId), status, totals.perStreamJSON, String(totals.fetched), String(totals.load.inserted),
                    String(totals.load.updated), String(totals.load.unchanged), String(totals.rejected),
                    String(totals.requests.requests), String(totals.requests.retries),
                    String(totals.requests.rateLimited), error, String(totals.lockRetries), totals.typeDriftJSON,
                    String(totals.typeDrift.values.reduce(0, +)),
                ], name: "finish etl_run"))
        try await connection.advisoryUnlock(Self.runLockKey(runId))
    }
}

import Foundation
import Postgres
import QualityAI

/// Writes `etl_run`, `etl_slice`, `etl_rejected` and `etl_watermark`. Options are stored as
/// given by the caller, who must leave secrets out.
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

    /// Inside a batch's transaction: the slices it completes (each with why it was fetched, at the
    /// loader's clock `completedAt`, epoch seconds) and the records it quarantined; `drift[i]`
    /// holds what `--strict-types` took out of `results[i]`.
    func recordBatch(
        runId: Int64, results: [WindowResult], drift: [TypeDrift] = [], reasons: [String], completedAt: Double,
        on connection: isolated Connection
    ) throws {
        let run = String(runId)
        for (index, result) in results.enumerated() {
            let quarantined = index < drift.count ? drift[index].quarantined : []
            try connection.execute(
                Query(
                    unsafeSQL: """
                        INSERT INTO \(schema.qualifying("etl_slice")) AS s (stream_id, window_start, window_end, status,
                            run_id, fetched, rejected, requests, completed_at, reason)
                        VALUES ($1, to_timestamp($2), to_timestamp($3), 'done', $4, $5, $6, $7, to_timestamp($8::float8),
                            nullif($9, ''))
                        ON CONFLICT (stream_id, window_start, window_end) DO UPDATE SET status = 'done',
                            run_id = excluded.run_id, fetched = excluded.fetched, rejected = excluded.rejected,
                            requests = excluded.requests, completed_at = excluded.completed_at, reason = excluded.reason
                        """,
                    binds: [
                        result.streamId, String(result.window.start), String(result.window.end), run,
                        String(result.conversations.count), String(result.rejections.count + quarantined.count),
                        String(result.statistics.requests), String(completedAt),
                        index < reasons.count ? reasons[index] : "",
                    ], name: "record etl_slice"))
            for rejection in result.rejections {
                try connection.execute(
                    Query(
                        unsafeSQL: """
                            INSERT INTO \(schema.qualifying("etl_rejected")) (run_id, stream_id, window_start,
                                window_end, page, record_index, reason, raw)
                            VALUES ($1, $2, to_timestamp($3), to_timestamp($4), $5, $6, $7, $8)
                            """,
                        binds: [
                            run, rejection.context.streamId, String(rejection.context.window.start),
                            String(rejection.context.window.end), String(rejection.context.page),
                            String(rejection.index), rejection.reason, rejection.raw,
                        ], name: "record etl_rejected"))
            }
            try recordQuarantined(
                quarantined, runId: run, window: result.window, stream: result.streamId, on: connection)
        }
    }

    /// Records quarantined by `--strict-types`: they were read whole, so they carry their
    /// conversation id; their page and position are not known (NULL).
    private func recordQuarantined(
        _ records: [TypeDrift.Quarantined], runId: String, window: TimeWindow, stream: String,
        on connection: isolated Connection
    ) throws {
        for record in records {
            try connection.execute(
                Query(
                    unsafeSQL: """
                        INSERT INTO \(schema.qualifying("etl_rejected")) (run_id, stream_id, window_start, window_end,
                            conversation_id, reason, raw)
                        VALUES ($1, $2, to_timestamp($3), to_timestamp($4), $5, $6, $7)
                        """,
                    binds: [
                        runId, stream, String(window.start), String(window.end), record.conversationId, record.reason,
                        record.raw,
                    ], name: "record etl_rejected drift"))
        }
    }

    /// Inside a batch's transaction: moves a stream's watermark forward (never back).
    func advanceWatermark(streamId: String, to epochSeconds: Int64, on connection: isolated Connection) throws {
        try connection.execute(
            Query(
                unsafeSQL: """
                    INSERT INTO \(schema.qualifying("etl_watermark")) AS w (stream_id, watermark, updated_at)
                    VALUES ($1, to_timestamp($2), now())
                    ON CONFLICT (stream_id) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at
                    WHERE w.watermark < excluded.watermark
                    """, binds: [streamId, String(epochSeconds)], name: "advance etl_watermark"))
    }

    /// Stores where each stream's lookback re-sweep resumes (nil: it completed).
    func setLookbackCursors(_ cursors: [String: Int64?], on connection: Connection) async throws {
        for (stream, cursor) in cursors.sorted(by: { $0.key < $1.key }) {
            try await connection.execute(
                Query(
                    unsafeSQL: """
                        UPDATE \(schema.qualifying("etl_watermark")) SET lookback_cursor = to_timestamp($2::bigint),
                            updated_at = now()
                        WHERE stream_id = $1 AND lookback_cursor IS DISTINCT FROM to_timestamp($2::bigint)
                        """, binds: [stream, cursor.map { String($0) }], name: "set lookback cursor"))
        }
    }
}

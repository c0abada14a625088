import Postgres
import QualityAI

/// Writes a run's checkpoints: the `etl_slice` rows (and `etl_rejected` records) of each batch,
/// inside the batch's transaction, the streams' `etl_watermark` and their lookback cursors.
struct CheckpointWriter: Sendable {
    let schema: Identifier

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
                    """
                    INSERT INTO \(schema, "etl_slice") AS s (stream_id, window_start, window_end, status,
                        run_id, fetched, rejected, requests, completed_at, reason)
                    VALUES (
                        \(result.streamId), to_timestamp(\(result.window.start)), to_timestamp(\(result.window.end)),
                        'done', \(run), \(result.conversations.count), \(result.rejections.count + quarantined.count),
                        \(result.statistics.requests), to_timestamp(\(completedAt)::float8),
                        nullif(\(index < reasons.count ? reasons[index] : ""), ''))
                    ON CONFLICT (stream_id, window_start, window_end) DO UPDATE SET status = 'done',
                        run_id = excluded.run_id, fetched = excluded.fetched, rejected = excluded.rejected,
                        requests = excluded.requests, completed_at = excluded.completed_at, reason = excluded.reason
                    """, name: "record etl_slice"))
            for rejection in result.rejections {
                try connection.execute(
                    Query(
                        """
                        INSERT INTO \(schema, "etl_rejected") (run_id, stream_id, window_start,
                            window_end, page, record_index, reason, raw)
                        VALUES (
                            \(run), \(rejection.context.streamId), to_timestamp(\(rejection.context.window.start)),
                            to_timestamp(\(rejection.context.window.end)), \(rejection.context.page), \(rejection.index),
                            \(rejection.reason), \(rejection.raw))
                        """, name: "record etl_rejected"))
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
                    """
                    INSERT INTO \(schema, "etl_rejected") (run_id, stream_id, window_start, window_end,
                        conversation_id, reason, raw)
                    VALUES (
                        \(runId), \(stream), to_timestamp(\(window.start)), to_timestamp(\(window.end)),
                        \(record.conversationId), \(record.reason), \(record.raw))
                    """, name: "record etl_rejected drift"))
        }
    }

    /// Inside a batch's transaction: moves a stream's watermark forward (never back).
    func advanceWatermark(streamId: String, to epochSeconds: Int64, on connection: isolated Connection) throws {
        try connection.execute(
            Query(
                """
                INSERT INTO \(schema, "etl_watermark") AS w (stream_id, watermark, updated_at)
                VALUES (\(streamId), to_timestamp(\(epochSeconds)), now())
                ON CONFLICT (stream_id) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at
                WHERE w.watermark < excluded.watermark
                """, name: "advance etl_watermark"))
    }

    /// Stores where each stream's lookback re-sweep resumes (nil: it completed).
    func setLookbackCursors(_ cursors: [String: Int64?], on connection: Connection) async throws {
        for (stream, cursor) in cursors.sorted(by: { $0.key < $1.key }) {
            try await connection.execute(
                Query(
                    """
                    UPDATE \(schema, "etl_watermark") SET lookback_cursor = to_timestamp(\(cursor.map { String($0) })::bigint),
                        updated_at = now()
                    WHERE stream_id = \(stream) AND lookback_cursor IS DISTINCT FROM to_timestamp(\(cursor.map { String($0) })::bigint)
                    """, name: "set lookback cursor"))
        }
    }
}

import Postgres

/// `stream rewind`: makes the next `sync` load a stream again from a time `T` on, in one
/// transaction under the stream's lock. The coverage from `T` on is removed (done `etl_slice` rows
/// that start at or after `T` are deleted; a done slice that spans `T` is shortened to end at
/// `T - 1`, its windows being inclusive whole seconds), the watermark is set to `T` when it is
/// later (never moved forward; created at `T` when the stream has none, so the sync starts at `T`
/// even when no coverage is left), and the lookback cursor is reset. The planner then resumes at
/// `T` (`Coverage.resumePoint`). Loaded facts stay: the reload upserts them.
public struct StreamRewind: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// Rewinds `stream` to `target` (epoch seconds); with `dryRun`, rolls back and changes nothing.
    /// Throws `WarehouseError` `.lockHeld` while a run holds the stream, `.unknownStream` when the
    /// warehouse has no state for it.
    public func run(stream: String, to target: Int64, dryRun: Bool, on connection: Connection) async throws
        -> StreamChange
    {
        let transaction = StreamTransaction(
            schema: schema, stream: stream, command: .streamRewind,
            options: ["stream": stream, "to": StatusTime.iso(target)])
        return try await transaction.run(dryRun: dryRun, target: target, on: connection) { before in
            var edits = StreamChange.Edits()
            edits.slicesDeleted = try await StreamTransaction.changedRows(
                """
                DELETE FROM \(schema, "etl_slice") WHERE stream_id = \(stream) AND status = 'done'
                    AND window_start >= to_timestamp(\(target)::float8)
                """, name: "rewind: delete slices after the time", on: connection)
            // Two done slices with the same start that span the time would both become
            // [start, T - 1]: keep the shortest (the primary key is stream, start, end).
            edits.slicesDeleted += try await StreamTransaction.changedRows(
                """
                DELETE FROM \(schema, "etl_slice") s USING \(schema, "etl_slice") k
                WHERE s.stream_id = \(stream) AND k.stream_id = s.stream_id AND s.status = 'done'
                    AND k.status = 'done' AND s.window_start = k.window_start
                    AND s.window_start < to_timestamp(\(target)::float8)
                    AND k.window_end >= to_timestamp(\(target)::float8 - 1) AND s.window_end > k.window_end
                """, name: "rewind: delete duplicate spanning slices", on: connection)
            edits.slicesClipped = try await StreamTransaction.changedRows(
                """
                UPDATE \(schema, "etl_slice") SET window_end = to_timestamp(\(target)::float8 - 1)
                WHERE stream_id = \(stream) AND status = 'done' AND window_start < to_timestamp(\(target)::float8)
                    AND window_end >= to_timestamp(\(target)::float8)
                """, name: "rewind: shorten the slice spanning the time", on: connection)
            if before.watermark == nil {
                try await connection.execute(
                    Query(
                        """
                        INSERT INTO \(schema, "etl_watermark") (stream_id, watermark, updated_at)
                        VALUES (\(stream), to_timestamp(\(target)::float8), now())
                        """, name: "rewind: create the watermark"))
                edits.watermarkCreated = true
            } else {
                try await connection.execute(
                    Query(
                        """
                        UPDATE \(schema, "etl_watermark")
                        SET watermark = least(watermark, to_timestamp(\(target)::float8)), lookback_cursor = NULL,
                            updated_at = now()
                        WHERE stream_id = \(stream)
                        """, name: "rewind: move the watermark back"))
            }
            return edits
        }
    }

}

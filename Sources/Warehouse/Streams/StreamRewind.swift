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
            schema: schema, stream: stream, command: "stream rewind",
            options: ["stream": stream, "to": StatusTime.iso(target)])
        return try await transaction.run(dryRun: dryRun, target: target, on: connection) { before in
            let slices = schema.qualifying("etl_slice")
            let binds = [stream, String(target)]
            var edits = StreamChange.Edits()
            edits.slicesDeleted = try await StreamTransaction.changedRows(
                """
                DELETE FROM \(slices) WHERE stream_id = $1 AND status = 'done'
                    AND window_start >= to_timestamp($2::float8)
                """, binds: binds, name: "rewind: delete slices after the time", on: connection)
            // Two done slices with the same start that span the time would both become
            // [start, T - 1]: keep the shortest (the primary key is stream, start, end).
            edits.slicesDeleted += try await StreamTransaction.changedRows(
                """
                DELETE FROM \(slices) s USING \(slices) k
                WHERE s.stream_id = $1 AND k.stream_id = $1 AND s.status = 'done' AND k.status = 'done'
                    AND s.window_start = k.window_start AND s.window_start < to_timestamp($2::float8)
                    AND k.window_end >= to_timestamp($2::float8 - 1) AND s.window_end > k.window_end
                """, binds: binds, name: "rewind: delete duplicate spanning slices", on: connection)
            edits.slicesClipped = try await StreamTransaction.changedRows(
                """
                UPDATE \(slices) SET window_end = to_timestamp($2::float8 - 1)
                WHERE stream_id = $1 AND status = 'done' AND window_start < to_timestamp($2::float8)
                    AND window_end >= to_timestamp($2::float8)
                """, binds: binds, name: "rewind: shorten the slice spanning the time", on: connection)
            if before.watermark == nil {
                try await connection.execute(
                    Query(
                        unsafeSQL: """
                            INSERT INTO \(schema.qualifying("etl_watermark")) (stream_id, watermark, updated_at)
                            VALUES ($1, to_timestamp($2::float8), now())
                            """, binds: binds, name: "rewind: create the watermark"))
                edits.watermarkCreated = true
            } else {
                try await connection.execute(
                    Query(
                        unsafeSQL: """
                            UPDATE \(schema.qualifying("etl_watermark"))
                            SET watermark = least(watermark, to_timestamp($2::float8)), lookback_cursor = NULL,
                                updated_at = now()
                            WHERE stream_id = $1
                            """, binds: binds, name: "rewind: move the watermark back"))
            }
            return edits
        }
    }

}

import Postgres

/// Runs one change of a stream's state in one transaction: first the stream's `StreamLock`,
/// taken with a try-lock at transaction level (released by the COMMIT or ROLLBACK) and tried for
/// up to 3 seconds like a run does, and refused while a live `sync` or `backfill` claims any range of
/// the stream (`RangeClaim`); then the change, and its `etl_run` row. A dry run does the same and rolls back, so
/// it shows exactly what a real run would do and changes nothing.
struct StreamTransaction {
    let schema: Identifier
    let stream: String
    /// `stream rewind` or `stream forget` (`etl_run.command`).
    let command: RunCommand
    /// `etl_run.options`; must name the stream as `stream`.
    let options: [String: String]

    /// Runs `edit` (given the state before) inside the transaction and returns what changed.
    func run(
        dryRun: Bool, target: Int64? = nil, on connection: Connection,
        _ edit: (StreamState) async throws -> StreamChange.Edits
    ) async throws -> StreamChange {
        try await connection.execute(IsolationLevel.readCommitted.begin)
        do {
            let key = StreamLock.key(schema: schema, stream: stream)
            guard try await StreamLock.tryWithGrace({ try await connection.tryTransactionAdvisoryLock(key) }) else {
                throw WarehouseError(
                    code: .lockHeld,
                    message:
                        "another qai-loader process holds stream \(stream) in schema \(schema.name) (a sync or "
                        + "backfill loading it, or another stream command)",
                    advice: "wait for it to finish and run this again (qai-loader status shows running runs); "
                        + "nothing was changed")
            }
            if let holder = try await RangeClaim.liveClaims(stream: stream, schema: schema, on: connection).first {
                let range = RangeClaim.Range(streamId: stream, start: holder.start, end: holder.end)
                var refusal = RangeClaim.refusal(range, holder: holder, schema: schema)
                refusal.advice =
                    "wait for it to finish and run this again (qai-loader status shows running runs); "
                    + "nothing was changed"
                throw refusal
            }
            guard let before = try await StreamState.read(stream: stream, schema: schema, on: connection) else {
                throw WarehouseError(
                    code: .unknownStream,
                    message: "schema \(schema.name) has no watermark and no slices for stream \(stream)",
                    advice: "check the stream id: qai-loader stream list shows the streams the warehouse knows; "
                        + "nothing was changed")
            }
            let edits = try await edit(before)
            var change = StreamChange(
                command: command, stream: stream, target: target, before: before,
                after: try await StreamState.read(stream: stream, schema: schema, on: connection), edits: edits,
                dryRun: dryRun)
            if dryRun {
                await connection.rollbackQuietly()
                return change
            }
            change.runId = try await RunRecorder(schema: schema).recordStateChange(
                command: command, options: options, counts: change.countsJSON, on: connection)
            change.after = try await StreamState.read(stream: stream, schema: schema, on: connection)
            try await connection.execute(Query("COMMIT", name: "COMMIT"))
            return change
        } catch {
            await connection.rollbackQuietly()
            throw error
        }
    }

    /// Runs a data-changing statement (DELETE or UPDATE, without RETURNING) and returns how many
    /// rows it changed.
    static func changedRows(_ statement: Query, name: String, on connection: Connection) async throws -> Int {
        let rows = try await connection.execute(
            Query("WITH changed AS (\(fragment: statement) RETURNING 1) SELECT count(*) AS n FROM changed", name: name))
        return try rows.first?.decode("n") ?? 0
    }
}

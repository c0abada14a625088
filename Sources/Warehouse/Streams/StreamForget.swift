import Postgres

/// `stream forget`: deletes a stream's state, in one transaction under the stream's lock: its
/// `etl_watermark` row and all its `etl_slice` rows. The loaded facts (`fact_conversation` and
/// everything hanging off it) stay, as do its quarantined records in `etl_rejected`; a later
/// `sync` of the stream starts it afresh as if it had never been loaded.
public struct StreamForget: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// Forgets `stream`; with `dryRun`, rolls back and changes nothing. Throws `WarehouseError`
    /// `.lockHeld` while a run holds the stream, `.unknownStream` when the warehouse has no state for it.
    public func run(stream: String, dryRun: Bool, on connection: Connection) async throws -> StreamChange {
        let transaction = StreamTransaction(
            schema: schema, stream: stream, command: .streamForget, options: ["stream": stream])
        return try await transaction.run(dryRun: dryRun, on: connection) { _ in
            var edits = StreamChange.Edits()
            edits.slicesDeleted = try await StreamTransaction.changedRows(
                "DELETE FROM \(schema, "etl_slice") WHERE stream_id = \(stream)", name: "forget: delete slices",
                on: connection)
            edits.watermarkDeleted =
                try await StreamTransaction.changedRows(
                    "DELETE FROM \(schema, "etl_watermark") WHERE stream_id = \(stream)",
                    name: "forget: delete the watermark", on: connection) > 0
            return edits
        }
    }

}

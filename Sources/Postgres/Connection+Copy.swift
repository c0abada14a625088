import CLibPQ

extension Connection {
    /// Streams rows into `table` with `COPY ... FROM STDIN` (text format). `body` appends rows to
    /// the writer, which sends them in chunks of `chunkSize` bytes. If `body` throws, the COPY is
    /// cancelled, the server's results are drained, and `body`'s error is rethrown; the
    /// connection stays usable (after a rollback when inside a transaction).
    ///
    /// `table` and `columns` are quoted here; pass plain names (and a schema via `schema`).
    /// - Returns: the number of rows the server stored.
    @discardableResult
    public func copyIn(
        schema: Identifier? = nil, table: String, columns: [String], chunkSize: Int = 256 * 1024,
        _ body: sending (inout CopyWriter) throws -> Void
    ) throws -> Int {
        let target = try (schema.map { $0.qualifying(table) } ?? Identifier(table).quoted)
        let columnList = try columns.map { name throws(PostgresError) in try Identifier(name).quoted }
            .joined(separator: ", ")
        let statement = "COPY \(target) (\(columnList)) FROM STDIN"
        let connection = try live(statement)
        let start = ResultHandle(try nonNil(PQexec(connection, statement), statement))
        guard start.status == PGRES_COPY_IN else {
            let error =
                start.status == PGRES_FATAL_ERROR
                ? start.error(statement: statement)
                : PostgresError(code: .protocolViolation, message: "COPY did not start", statement: statement)
            drain()
            throw error
        }
        isCopying = true
        defer { isCopying = false }
        var writer = CopyWriter(
            columns: columns, chunkSize: chunkSize,
            borrowing: { (bytes) throws(PostgresError) in
                guard PQputCopyData(connection, bytes.baseAddress, Int32(bytes.count)) == 1 else {
                    throw PostgresError(code: .copyFailed, message: self.lostMessage, statement: statement)
                }
            })
        do {
            try body(&writer)
            if writer.hasOpenRow {
                throw PostgresError(
                    code: .invalidValue, message: "the last row was not ended with endRow()", statement: statement)
            }
            try writer.flush()
        } catch {
            let reason = "COPY cancelled by qai-loader: \(error)".prefix(200)
            _ = PQputCopyEnd(connection, String(reason))
            drain()
            throw error
        }
        guard PQputCopyEnd(connection, nil) == 1 else {
            let error = PostgresError(code: .copyFailed, message: lostMessage, statement: statement)
            drain()
            throw error
        }
        var outcome: Result<Int, PostgresError> = .failure(lostConnection(statement))
        var first = true
        while let raw = PQgetResult(connection) {
            let result = ResultHandle(raw)
            guard first else { continue }
            first = false
            if result.status == PGRES_COMMAND_OK {
                outcome = .success(Int(String(cString: PQcmdTuples(raw))) ?? writer.rowCount)
            } else {
                outcome = .failure(result.error(statement: statement))
            }
        }
        return try outcome.get()
    }

    private var lostMessage: String {
        "the server closed the connection during COPY"
    }

    private func nonNil(_ raw: OpaquePointer?, _ statement: String) throws(PostgresError) -> OpaquePointer {
        guard let raw else { throw lostConnection(statement) }
        return raw
    }
}

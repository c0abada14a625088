import Postgres

/// The one description of a staging table: its name and columns, from which its DDL, its COPY
/// column list and the encoding of its rows all come. `Row` is what one staged row is made from.
struct StagingTable<Row>: Sendable {
    let name: String
    let columns: [StagingColumn<Row>]

    /// The column names, in COPY order.
    var columnNames: [String] { columns.map(\.name) }

    /// Creates the table in this session if it is not there yet; temporary and emptied by every
    /// commit or rollback (`ON COMMIT DELETE ROWS` truncates it in place, cheaper than a
    /// `TRUNCATE` per batch).
    var createStatement: String {
        "CREATE TEMP TABLE IF NOT EXISTS \(name) (\n"
            + columns.map { "    \($0.name) \($0.type)" }.joined(separator: ",\n")
            + "\n) ON COMMIT DELETE ROWS;"
    }

    /// Appends `row`, one value per column, and ends it.
    func append(_ row: Row, to writer: inout CopyWriter) throws(PostgresError) {
        for column in columns { column.encode(row, &writer) }
        try writer.endRow()
    }

    /// Copies the rows `body` appends (through `append(_:to:)`) into the table.
    func copy(on connection: isolated Connection, _ body: sending (inout CopyWriter) throws -> Void) throws {
        try connection.copyIn(table: name, columns: columnNames, body)
    }
}

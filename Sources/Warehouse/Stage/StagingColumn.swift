import Postgres

/// One column of a staging table: its name, its PostgreSQL type (with any constraint, as written
/// in the table's DDL) and how a staged row's value is appended to the COPY.
struct StagingColumn<Row>: Sendable {
    let name: String
    let type: String
    let encode: @Sendable (Row, inout CopyWriter) -> Void

    init(_ name: String, _ type: String, _ encode: @escaping @Sendable (Row, inout CopyWriter) -> Void) {
        self.name = name
        self.type = type
        self.encode = encode
    }
}

/// The rows a statement returned, copied out of libpq as text (the server's text format).
public struct Rows: Sendable, RandomAccessCollection {
    /// Column names in order.
    public let columns: [String]
    let values: [String?]
    /// For INSERT/UPDATE/DELETE/COPY: how many rows the statement touched.
    public let affectedRows: Int

    init(columns: [String], values: [String?], affectedRows: Int) {
        self.columns = columns
        self.values = values
        self.affectedRows = affectedRows
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : values.count / columns.count }

    public subscript(position: Int) -> Row {
        Row(columns: columns, values: values[(position * columns.count)..<((position + 1) * columns.count)])
    }
}

/// One row of a result, read by column name or position into typed values.
public struct Row: Sendable {
    public let columns: [String]
    let values: ArraySlice<String?>

    /// The column's text, or nil for SQL NULL.
    public subscript(index: Int) -> String? { values[values.startIndex + index] }

    /// Reads a column by position as `type`; NULL becomes nil, an unparsable value throws.
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws(PostgresError) -> T? {
        guard let text = self[index] else { return nil }
        guard let value = T(postgresText: text) else {
            throw PostgresError(
                code: .invalidValue, message: "column \(columns[index]) holds \(text.prefix(40)), not a \(T.self)")
        }
        return value
    }

    /// Reads a column by name as `type`; NULL becomes nil, an unknown column or unparsable value throws.
    public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresError) -> T? {
        guard let index = columns.firstIndex(of: name) else {
            throw PostgresError(code: .invalidValue, message: "the result has no column \(name)")
        }
        return try decode(index, as: type)
    }

    /// Reads a column of a NOT NULL value by name as `type`; NULL throws too.
    public func require<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let value = try decode(name, as: type) else {
            throw PostgresError(code: .invalidValue, message: "column \(name) is NULL, not a \(T.self)")
        }
        return value
    }
}

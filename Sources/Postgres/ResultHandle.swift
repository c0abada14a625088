import CLibPQ

/// Owns one `PGresult` and clears it exactly once. Everything read from it is copied into Swift
/// values before it goes away.
final class ResultHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var status: ExecStatusType { PQresultStatus(pointer) }

    /// The server error fields of a failed result, as a `PostgresError`.
    func error(statement: String?) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(pointer, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let primary = field("M") ?? String(cString: PQresultErrorMessage(pointer)).trimmingTrailingNewlines()
        return PostgresError(
            code: .server, sqlState: field("C").map(SQLState.init), message: primary, detail: field("D"),
            hint: field("H"), constraint: field("n"), table: field("t"), column: field("c"), statement: statement)
    }

    /// Copies every row out as text (NULL as nil).
    func rows() -> Rows {
        let columnCount = Int(PQnfields(pointer))
        let rowCount = Int(PQntuples(pointer))
        var columns: [String] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(String(cString: PQfname(pointer, Int32(column))))
        }
        var values: [String?] = []
        values.reserveCapacity(rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                if PQgetisnull(pointer, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(pointer, Int32(row), Int32(column)))
                    let bytes = UnsafeRawBufferPointer(
                        start: PQgetvalue(pointer, Int32(row), Int32(column)), count: length)
                    values.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        let affected = String(cString: PQcmdTuples(pointer))
        return Rows(columns: columns, values: values, affectedRows: Int(affected) ?? 0)
    }

    deinit {
        PQclear(pointer)
    }
}

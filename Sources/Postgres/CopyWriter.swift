/// Encodes rows for `COPY ... FROM STDIN` straight into a reusable byte buffer and hands it to
/// the connection in chunks of bounded size. Values are appended column by column; `endRow()`
/// checks the row and reports any value that could not be encoded, naming its column.
public struct CopyWriter: ~Copyable {
    /// Column names, in the order values are appended.
    public let columns: [String]
    private var buffer: [UInt8]
    private let chunkSize: Int
    private var column = 0
    private var problem: PostgresError?
    private let sink: Sink
    /// Rows completed so far.
    public private(set) var rowCount = 0
    /// Bytes handed to the connection so far.
    public private(set) var bytesSent = 0

    /// Where full chunks go: an array for tools, or the buffer's bytes borrowed for the call
    /// (the connection's `PQputCopyData`, which copies them).
    private enum Sink {
        case array(([UInt8]) throws(PostgresError) -> Void)
        case borrowed((UnsafeRawBufferPointer) throws(PostgresError) -> Void)
    }

    /// A writer that hands each full chunk of encoded COPY text to `sink` (a file, for tools);
    /// the chunk's storage is reused once `sink` returns.
    public init(columns: [String], chunkSize: Int, sink: @escaping ([UInt8]) throws(PostgresError) -> Void) {
        self.init(columns: columns, chunkSize: chunkSize, destination: .array(sink))
    }

    /// A writer that lends each full chunk's bytes to `sink` for the call (the connection).
    init(
        columns: [String], chunkSize: Int,
        borrowing sink: @escaping (UnsafeRawBufferPointer) throws(PostgresError) -> Void
    ) {
        self.init(columns: columns, chunkSize: chunkSize, destination: .borrowed(sink))
    }

    private init(columns: [String], chunkSize: Int, destination: Sink) {
        self.columns = columns
        self.chunkSize = chunkSize
        sink = destination
        buffer = []
        buffer.reserveCapacity(chunkSize + 64 * 1024)
    }

    private mutating func separate() {
        if column > 0 { buffer.append(9) }
        column += 1
    }

    /// Appends SQL NULL.
    public mutating func appendNull() {
        separate()
        buffer.append(92)
        buffer.append(78)
    }

    /// Appends a text value (nil = NULL). A NUL byte makes `endRow()` throw, naming the column.
    public mutating func append(_ value: String?) {
        guard let value else { return appendNull() }
        separate()
        if !CopyTextEncoder.appendEscaped(value, to: &buffer), problem == nil {
            let name = columns.indices.contains(column - 1) ? columns[column - 1] : "#\(column)"
            problem = PostgresError(
                code: .invalidValue,
                message: "row \(rowCount + 1), column \(name): the value contains a NUL byte, which PostgreSQL "
                    + "text cannot hold")
        }
    }

    /// Appends an integer (nil = NULL).
    public mutating func append(_ value: Int64?) {
        guard let value else { return appendNull() }
        separate()
        CopyTextEncoder.appendDecimal(value, to: &buffer)
    }

    /// Appends an integer (nil = NULL).
    public mutating func append(_ value: Int?) {
        append(value.map(Int64.init))
    }

    /// Appends a boolean (nil = NULL).
    public mutating func append(_ value: Bool?) {
        guard let value else { return appendNull() }
        separate()
        buffer.append(value ? 116 : 102)
    }

    /// Appends a floating-point number (nil = NULL).
    public mutating func append(_ value: Double?) {
        guard let value else { return appendNull() }
        append(value.description)
    }

    /// Appends a `text[]` value (nil = NULL).
    public mutating func append(textArray: [String]?) {
        guard let textArray else { return appendNull() }
        append(CopyTextEncoder.arrayLiteral(textArray))
    }

    /// Ends the current row; throws if a value could not be encoded or the row has the wrong
    /// number of values. Sends a chunk when the buffer is full.
    public mutating func endRow() throws(PostgresError) {
        if let problem { throw problem }
        guard column == columns.count else {
            throw PostgresError(
                code: .invalidValue,
                message: "row \(rowCount + 1) has \(column) values for \(columns.count) columns")
        }
        buffer.append(10)
        column = 0
        rowCount += 1
        if buffer.count >= chunkSize { try flush() }
    }

    /// Sends whatever is buffered.
    public mutating func flush() throws(PostgresError) {
        guard !buffer.isEmpty else { return }
        switch sink {
        case .array(let send):
            try send(buffer)
        case .borrowed(let send):
            let outcome = buffer.withUnsafeBytes { bytes in
                Result { () throws(PostgresError) in try send(bytes) }
            }
            try outcome.get()
        }
        bytesSent += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Whether a row was started but not ended.
    var hasOpenRow: Bool { column > 0 }
}

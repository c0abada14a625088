import CLibPQ
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One PostgreSQL connection. Every libpq call runs on the connection's own serial executor (a
/// dedicated dispatch queue), never on Swift's cooperative pool, and one statement at a time.
///
/// A connection serves one task at a time: do not interleave work from several tasks on it.
public actor Connection {
    private let executor: ConnectionExecutor
    private let handle: ConnectionHandle
    private let logger: Logger
    private nonisolated let canceller: CancelHandle?
    /// Set while a COPY is in progress, so no other statement is sent in the middle of it.
    var isCopying = false

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private init(executor: ConnectionExecutor, handle: ConnectionHandle, canceller: CancelHandle?, logger: Logger) {
        self.executor = executor
        self.handle = handle
        self.canceller = canceller
        self.logger = logger
    }

    /// Opens a connection; the blocking connect runs on the new connection's own queue.
    public static func connect(
        _ configuration: DatabaseConfiguration, logger: Logger
    ) async throws(PostgresError) -> Connection {
        try configuration.validate()
        let executor = ConnectionExecutor(label: "qai.postgres.connection")
        let opener = Opener(executor: executor)
        let (handle, canceller) = try await opener.open(configuration)
        return Connection(executor: executor, handle: handle, canceller: canceller, logger: logger)
    }

    /// Whether `close()` was called or the connection was lost.
    public var isClosed: Bool {
        guard let pointer = handle.pointer else { return true }
        return PQstatus(pointer) != CONNECTION_OK
    }

    /// The server's version number, e.g. 150008 for 15.8.
    public var serverVersion: Int {
        handle.pointer.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Asks the server to cancel the statement this connection is running, from any task (for
    /// example a task cancellation handler while the connection waits for a lock); the statement
    /// then fails with SQLSTATE 57014. Harmless when the connection is idle or closed.
    public nonisolated func cancelRunningStatement() {
        canceller?.cancel()
    }

    /// Closes the connection; later calls fail with `connectionClosed`. Calling it twice is harmless.
    public func close() {
        handle.finish()
    }

    /// Runs one statement with its parameters bound and returns its rows.
    @discardableResult
    public func execute(_ query: Query) throws(PostgresError) -> Rows {
        let connection = try live(query.label)
        for (index, bind) in query.binds.enumerated() where bind?.utf8.contains(0) == true {
            throw PostgresError(
                code: .invalidValue,
                message: "parameter $\(index + 1) contains a NUL byte, which PostgreSQL "
                    + "text cannot hold", statement: query.label)
        }
        logger.trace("postgres.execute", metadata: ["pg.statement": "\(query.label)"])
        let copies = query.binds.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        let raw = PQexecParams(connection, query.sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
        return try rows(of: raw, statement: query.label)
    }

    /// Runs trusted SQL that may hold several statements (a migration file), without parameters.
    public func executeScript(unsafeSQL sql: String, name: String) throws(PostgresError) {
        let connection = try live(name)
        // PQexec returns NULL, not a result, when it could not send the command or ran out of memory.
        guard let first = PQexec(connection, sql) else { throw lostConnection(name) }
        var result: OpaquePointer? = first
        while let current = result {
            let owned = ResultHandle(current)
            guard owned.status == PGRES_COMMAND_OK || owned.status == PGRES_TUPLES_OK else {
                let error = owned.error(statement: name)
                drain()
                throw error
            }
            result = PQgetResult(connection)
        }
    }

    /// The open `PGconn`, or an error naming the statement when the connection is gone or busy.
    func live(_ statement: String) throws(PostgresError) -> OpaquePointer {
        guard let pointer = handle.pointer else {
            throw PostgresError(code: .connectionClosed, message: "the connection is closed", statement: statement)
        }
        guard !isCopying else {
            throw PostgresError(
                code: .protocolViolation, message: "a COPY is in progress on this connection", statement: statement)
        }
        return pointer
    }

    /// Turns a result pointer into rows or a typed error, clearing it exactly once.
    func rows(of raw: OpaquePointer?, statement: String) throws(PostgresError) -> Rows {
        guard let raw else { throw lostConnection(statement) }
        let result = ResultHandle(raw)
        switch result.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return result.rows()
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            let error = result.error(statement: statement)
            if let pointer = handle.pointer, PQstatus(pointer) != CONNECTION_OK {
                var lost = error
                lost.code = .connectionClosed
                throw lost
            }
            throw error
        default:
            throw PostgresError(
                code: .protocolViolation, message: "unexpected result status \(result.status.rawValue)",
                statement: statement)
        }
    }

    func lostConnection(_ statement: String) -> PostgresError {
        PostgresError(code: .connectionClosed, message: handle.errorMessage, statement: statement)
    }

    /// Reads and clears results until libpq has none left.
    func drain() {
        guard let pointer = handle.pointer else { return }
        while let next = PQgetResult(pointer) { PQclear(next) }
    }
}

/// Runs the blocking connect on the connection's executor before the actor exists.
private actor Opener {
    let executor: ConnectionExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(executor: ConnectionExecutor) { self.executor = executor }

    func open(_ configuration: DatabaseConfiguration) throws(PostgresError) -> sending (ConnectionHandle, CancelHandle?)
    {
        let keywords = ["application_name", "connect_timeout", "dbname"]
        let values = [
            configuration.applicationName, String(configuration.connectTimeoutSeconds),
            configuration.connectionString,
        ]
        let pointer = withCStringArray(keywords) { keys in
            withCStringArray(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let pointer else {
            throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        let handle = ConnectionHandle(pointer)
        guard PQstatus(pointer) == CONNECTION_OK else {
            let error = PostgresError(code: .connectionFailed, message: handle.errorMessage, target: handle.target)
            handle.finish()
            throw error
        }
        PQsetNoticeReceiver(pointer, { _, _ in }, nil)
        guard PQsetClientEncoding(pointer, "UTF8") == 0 else {
            let error = PostgresError(code: .connectionFailed, message: handle.errorMessage, target: handle.target)
            handle.finish()
            throw error
        }
        return (handle, CancelHandle(connection: pointer))
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
func withCStringArray<T>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) } + [nil])
}

extension Connection {
    /// Opens a connection, runs `body` with it, and closes it afterwards, also when `body` throws.
    public static func withConnection<T>(
        _ configuration: DatabaseConfiguration, logger: Logger, _ body: (Connection) async throws -> T
    ) async throws -> T {
        let connection = try await connect(configuration, logger: logger)
        do {
            let value = try await body(connection)
            await connection.close()
            return value
        } catch {
            await connection.close()
            throw error
        }
    }
}

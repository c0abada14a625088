/// An error from the PostgreSQL layer: what kind of failure, the server's own fields when it
/// sent them, and which statement or connection it concerned. Never carries bind values or
/// passwords.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set of static members so new kinds don't break callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case connectionFailed, server, copyFailed, invalidValue, connectionClosed, protocolViolation
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Could not open a connection (refused, authentication, missing database...).
        public static let connectionFailed = Code(.connectionFailed)
        /// The server rejected a statement; see `sqlState`.
        public static let server = Code(.server)
        /// A COPY failed while sending data.
        public static let copyFailed = Code(.copyFailed)
        /// A value could not be sent or read (a NUL byte, an unparsable column).
        public static let invalidValue = Code(.invalidValue)
        /// The connection was closed or lost.
        public static let connectionClosed = Code(.connectionClosed)
        /// libpq returned something the layer did not expect.
        public static let protocolViolation = Code(.protocolViolation)

        public var description: String { base.rawValue }
    }

    /// Where a connection attempt went (never the password).
    public struct Target: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: String
        public var database: String
        public var user: String

        public init(host: String, port: String, database: String, user: String) {
            self.host = host
            self.port = port
            self.database = database
            self.user = user
        }

        public var description: String { "host \(host), port \(port), database \(database), user \(user)" }
    }

    public var code: Code
    /// The server's SQLSTATE, when the server reported the error.
    public var sqlState: SQLState?
    /// The primary message (libpq's or the server's).
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// The statement's name, or the first line of its SQL (never its bind values).
    public var statement: String?
    /// The connection target, for connection failures.
    public var target: Target?

    public init(
        code: Code, sqlState: SQLState? = nil, message: String, detail: String? = nil, hint: String? = nil,
        constraint: String? = nil, table: String? = nil, column: String? = nil, statement: String? = nil,
        target: Target? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
        self.statement = statement
        self.target = target
    }

    /// Whether the same work may succeed if retried (deadlock, serialization, lock timeout, lost
    /// connection).
    public var isTransient: Bool {
        if let sqlState { return sqlState.isTransient }
        return code == .connectionClosed
    }

    /// Whether the server refused the credentials (as opposed to being unreachable).
    public var isAuthenticationFailure: Bool { ConnectionAdvice.isAuthenticationFailure(self) }

    public var description: String {
        var text: String
        if code == .connectionFailed, let target {
            text = "could not connect to PostgreSQL (\(target)): \(message)"
        } else if let statement {
            text = "PostgreSQL error in \(statement): \(message)"
        } else {
            text = "PostgreSQL error: \(message)"
        }
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        if let detail { text += "\nDetail: \(detail)" }
        if let advice = ConnectionAdvice.advice(for: self) {
            text += "\nWhat to do: \(advice)"
        } else if let hint {
            text += "\nHint: \(hint)"
        }
        return text
    }
}

import CLibPQ

/// How to reach the database: a libpq connection string (a `postgresql://` URI or
/// `key=value` pairs) or, when empty, libpq's own environment (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE`, `PGPASSWORD`, `~/.pgpass`, `PGSSLMODE`). Its description never shows a password.
public struct DatabaseConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The connection string; empty means "use libpq's environment".
    public var connectionString: String
    /// Reported to the server as `application_name` unless the connection string sets one.
    public var applicationName: String
    /// Seconds libpq waits for a connection before giving up.
    public var connectTimeoutSeconds: Int

    public init(connectionString: String = "", applicationName: String = "qai-loader", connectTimeoutSeconds: Int = 10)
    {
        self.connectionString = connectionString
        self.applicationName = applicationName
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    /// Checks that libpq can parse the connection string, naming the setting when it cannot.
    public func validate() throws(PostgresError) {
        guard !connectionString.isEmpty else { return }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "unparsable"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                code: .invalidValue,
                message: "the database URL is not a valid PostgreSQL connection string ("
                    + reason.trimmingTrailingNewlines() + "); expected postgresql://user@host:5432/dbname "
                    + "or 'host=... dbname=...'")
        }
        PQconninfoFree(options)
    }

    /// The connection string with any password removed, for logs and errors.
    public var redacted: String {
        guard !connectionString.isEmpty else { return "(libpq environment: PGHOST, PGPORT, PGUSER, PGDATABASE)" }
        guard let options = PQconninfoParse(connectionString, nil) else { return "(unparsable connection string)" }
        defer { PQconninfoFree(options) }
        var parts: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            let key = String(cString: keyword)
            if let value = option.pointee.val, key != "password" {
                parts.append("\(key)=\(String(cString: value))")
            } else if option.pointee.val != nil {
                parts.append("password=****")
            }
            option += 1
        }
        return parts.joined(separator: " ")
    }

    public var description: String { redacted }
    public var debugDescription: String { "DatabaseConfiguration(\(redacted))" }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        return text
    }
}

extension DatabaseConfiguration {
    /// The same settings pointed at another database on the same server.
    public func replacingDatabase(with name: String) throws(PostgresError) -> DatabaseConfiguration {
        try replacing(["dbname": name])
    }

    /// The same settings with some connection keywords (`user`, `password`, `dbname`, `port`...)
    /// replaced or added.
    public func replacing(_ overrides: [String: String]) throws(PostgresError) -> DatabaseConfiguration {
        try validate()
        var parts: [String] = []
        if !connectionString.isEmpty, let options = PQconninfoParse(connectionString, nil) {
            defer { PQconninfoFree(options) }
            var option = options
            while let keyword = option.pointee.keyword {
                let key = String(cString: keyword)
                if overrides[key] == nil, let value = option.pointee.val {
                    parts.append("\(key)=\(Self.quote(String(cString: value)))")
                }
                option += 1
            }
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            parts.append("\(key)=\(Self.quote(value))")
        }
        var copy = self
        copy.connectionString = parts.joined(separator: " ")
        return copy
    }

    /// Quotes a value for a `key=value` connection string.
    static func quote(_ value: String) -> String {
        var quoted = "'"
        for character in value {
            if character == "'" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "'"
    }
}

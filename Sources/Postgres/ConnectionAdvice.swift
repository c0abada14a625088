/// Turns a failure into the one instruction most likely to fix it. libpq reports connection
/// failures only as text, so this is the one place that reads message text; server errors are
/// recognised by SQLSTATE.
enum ConnectionAdvice {
    static func advice(for error: PostgresError) -> String? {
        if let state = error.sqlState {
            switch state {
            case .invalidPassword, .invalidAuthorization:
                return passwordAdvice
            case .invalidCatalogName:
                return missingDatabaseAdvice(error)
            case .insufficientPrivilege:
                return "grant the loader's role the rights it needs (see README, 'Database rights')"
                    + (error.hint.map { "; server hint: \($0)" } ?? "")
            default:
                return error.hint
            }
        }
        if error.code == .connectionClosed {
            return "the connection to PostgreSQL was lost (server restart or network); run the same command again: "
                + "it resumes after the last committed batch"
        }
        guard error.code == .connectionFailed else { return nil }
        let message = error.message.lowercased()
        if message.contains("password authentication failed") || message.contains("no password supplied")
            || message.contains("authentication failed")
        {
            return passwordAdvice
        }
        if message.contains("does not exist") && message.contains("database") {
            return missingDatabaseAdvice(error)
        }
        if message.contains("role") && message.contains("does not exist") {
            return "the user does not exist on the server: check PGUSER or the user in --database-url"
        }
        if message.contains("connection refused") || message.contains("no such file or directory")
            || message.contains("could not translate host name") || message.contains("timeout expired")
            || message.contains("network is unreachable") || message.contains("no route to host")
        {
            return "is PostgreSQL running and reachable there? Check the host and port in --database-url / "
                + "DATABASE_URL (or PGHOST and PGPORT)"
        }
        if message.contains("ssl") {
            return "check the server's TLS setup or set sslmode (PGSSLMODE or ?sslmode= in the URL)"
        }
        return nil
    }

    /// Whether a connection failure is about credentials rather than reachability.
    static func isAuthenticationFailure(_ error: PostgresError) -> Bool {
        if let state = error.sqlState { return state == .invalidPassword || state == .invalidAuthorization }
        let message = error.message.lowercased()
        return message.contains("authentication failed") || message.contains("no password supplied")
    }

    private static let passwordAdvice =
        "check the password (in --database-url / DATABASE_URL, PGPASSWORD or ~/.pgpass) and the user name"

    private static func missingDatabaseAdvice(_ error: PostgresError) -> String {
        let name = error.target?.database ?? "it"
        return "create the database (createdb \(name)) or fix the database name in --database-url / PGDATABASE"
    }
}

/// Turns a failure into the one instruction most likely to fix it. libpq reports connection
/// failures only as text, so this is the one place that reads message text; server errors are
/// recognised by SQLSTATE.
enum ConnectionAdvice {
    static func advice(for error: PostgresError) -> String? {
        if error.code == .connectionClosed {
            return "the connection to PostgreSQL was lost (server restart, network, or the session was terminated); "
                + "run the same command again: it resumes after the last committed batch"
        }
        if let state = error.sqlState {
            switch state {
            case .invalidPassword, .invalidAuthorization:
                return passwordAdvice
            case .invalidCatalogName:
                return missingDatabaseAdvice(error)
            case .insufficientPrivilege:
                return "grant the loader's role the rights it needs: 'qai-loader check' names each missing "
                    + "right with its GRANT (README, 'Database rights')"
                    + (error.hint.map { "; server hint: \($0)" } ?? "")
            case .queryCanceled:
                return "the statement was cancelled: by statement_timeout (SHOW statement_timeout; it may be set for "
                    + "the loader's role or database, or in PGOPTIONS) or by an administrator (pg_cancel_backend). "
                    + "Raise or clear statement_timeout for the loader (ALTER ROLE <role> SET statement_timeout = 0), "
                    + "then run the same command again: it resumes after the last committed batch"
            case .lockNotAvailable, .deadlockDetected, .serializationFailure:
                return "another session held a conflicting lock: look in pg_stat_activity for long transactions on "
                    + "the warehouse tables, then run the same command again"
            default:
                return resourceAdvice(state) ?? error.hint
            }
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

    /// Class 53, insufficient resources: what to free on the server.
    private static func resourceAdvice(_ state: SQLState) -> String? {
        guard state.code.hasPrefix("53") else { return nil }
        let rerun = "; then run the same command again: batches committed before are kept and it resumes after them"
        switch state {
        case .diskFull:
            return "the database server is out of disk space (or a tablespace or volume quota is reached): free disk "
                + "space or raise the quota" + rerun
        case .outOfMemory:
            return "the database server ran out of memory: lower work_mem for the loader's role or free memory" + rerun
        case .tooManyConnections:
            return "the server has no free connection slot: close idle sessions or raise max_connections" + rerun
        default:
            return "the database server ran out of a resource (disk, memory, connections or a configured limit): "
                + "check its log and free it" + rerun
        }
    }

    private static let passwordAdvice =
        "check the password (in --database-url / DATABASE_URL, PGPASSWORD or ~/.pgpass) and the user name"

    private static func missingDatabaseAdvice(_ error: PostgresError) -> String {
        let name = error.target?.database ?? "it"
        return "create the database (createdb \(name)) or fix the database name in --database-url / PGDATABASE"
    }
}

import Postgres

/// Another session holding a lock on a warehouse table that can make the loader wait: anything
/// but a plain reader's `AccessShareLock`. Read from `pg_locks` and `pg_stat_activity`; never
/// holds the other session's query text, which may contain data.
struct LockHolder: Sendable, Hashable, CustomStringConvertible {
    var pid: Int
    var user: String
    var application: String
    var table: String
    var mode: String
    /// How long the holder's transaction has been open.
    var transactionSeconds: Int

    var description: String {
        let application = application.isEmpty ? "" : ", application \(application)"
        return
            "pid \(pid) (user \(user)\(application)) holds \(mode) on \(table), transaction open \(transactionSeconds) s"
    }

    /// The sessions other than this one that hold such a lock on a table of `schema`, the oldest
    /// transaction first (at most 5).
    static func find(schema: Identifier, on connection: Connection) async throws -> [LockHolder] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT l.pid, coalesce(a.usename, '') AS usename, coalesce(a.application_name, '') AS application,
                    n.nspname || '.' || c.relname AS tablename, l.mode,
                    coalesce(extract(epoch FROM now() - a.xact_start), 0)::bigint AS seconds
                FROM pg_locks l
                JOIN pg_class c ON c.oid = l.relation
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'relation' AND l.granted AND l.mode <> 'AccessShareLock'
                    AND n.nspname = \(schema.name) AND c.relkind IN ('r', 'p') AND l.pid <> pg_backend_pid()
                ORDER BY a.xact_start NULLS LAST, l.pid, c.relname
                LIMIT 5
                """, name: "find lock holders"))
        return try rows.map { row in
            LockHolder(
                pid: try row.decode("pid", as: Int.self) ?? 0, user: try row.decode("usename", as: String.self) ?? "",
                application: try row.decode("application", as: String.self) ?? "",
                table: try row.decode("tablename", as: String.self) ?? "",
                mode: try row.decode("mode", as: String.self) ?? "",
                transactionSeconds: try row.decode("seconds", as: Int.self) ?? 0)
        }
    }
}

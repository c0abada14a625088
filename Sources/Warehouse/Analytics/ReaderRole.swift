import Postgres

/// The read-only login role for Grafana and analysts: it can read every table and view of one
/// warehouse schema (facts, dimensions, rollups, `v_*` views, loader bookkeeping), including
/// tables added by later migrations, and can change nothing there. Its `search_path` is set to
/// the schema, so dashboards and queries use unqualified names.
public enum ReaderRole {
    /// Creates the role, or brings an existing one in line; returns true when it was created.
    ///
    /// Grants `CONNECT` on the current database, `USAGE` on `schema`, `SELECT` on all its tables
    /// and views, and default `SELECT` on tables the current user creates there later; revokes
    /// any write or `CREATE` privilege the role had in the schema. A nil `password` creates a
    /// role without one (or keeps an existing role's). Refuses superusers, roles that bypass
    /// row-level security or replicate, and the current user. Runs in its own transaction.
    @discardableResult
    public static func create(name: Identifier, schema: Identifier, password: String?, on connection: Connection)
        async throws -> Bool
    {
        try await connection.withTransaction { connection in
            let existing = try connection.execute(
                """
                SELECT rolsuper OR rolreplication OR rolbypassrls AS privileged, rolname = current_user AS is_me
                FROM pg_roles WHERE rolname = \(name.name)
                """)
            if let row = existing.first {
                if try row.decode("is_me", as: Bool.self) == true {
                    throw ReaderRoleError(role: name.name, reason: "it is the role this connection logs in as")
                }
                if try row.decode("privileged", as: Bool.self) == true {
                    throw ReaderRoleError(role: name.name, reason: "it is a superuser, replication or BYPASSRLS role")
                }
            }
            if existing.isEmpty {
                try connection.execute(
                    Query(
                        "CREATE ROLE \(identifier: name) LOGIN NOCREATEDB NOCREATEROLE NOINHERIT",
                        name: "create reader role"))
            } else {
                try connection.execute(
                    Query(
                        "ALTER ROLE \(identifier: name) LOGIN NOCREATEDB NOCREATEROLE NOINHERIT",
                        name: "alter reader role"))
            }
            if let password {
                let statement = try connection.execute(
                    "SELECT format('ALTER ROLE %I PASSWORD %L', \(name.name)::text, \(password)::text) AS sql")
                guard let sql = try statement.first?.decode("sql", as: String.self) else {
                    throw ReaderRoleError(role: name.name, reason: "the server did not build the password statement")
                }
                // Dynamic: ALTER ROLE takes no parameters; the server quoted the password (format %L).
                try connection.execute(Query(unsafeSQL: sql, name: "set reader role password"))
            }
            for statement in try grants(name: name, schema: schema, on: connection) {
                // Dynamic: GRANT and REVOKE take no parameters; `grants` builds them with quoted names.
                try connection.execute(Query(unsafeSQL: statement, name: "grant reader role privileges"))
            }
            return existing.isEmpty
        }
    }

    /// The privilege statements, in order: grants first, then revokes of anything that writes.
    static func grants(name: Identifier, schema: Identifier, on connection: isolated Connection) throws -> [String] {
        let database = try connection.execute("SELECT current_database() AS name").first?.decode(
            "name", as: String.self)
        guard let database else {
            throw ReaderRoleError(role: name.name, reason: "the current database name could not be read")
        }
        let role = name.quoted
        let namespace = schema.quoted
        return [
            "GRANT CONNECT ON DATABASE \(try Identifier(database).quoted) TO \(role)",
            "GRANT USAGE ON SCHEMA \(namespace) TO \(role)",
            "REVOKE CREATE ON SCHEMA \(namespace) FROM \(role)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA \(namespace) TO \(role)",
            "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA \(namespace) "
                + "FROM \(role)",
            "REVOKE ALL ON ALL SEQUENCES IN SCHEMA \(namespace) FROM \(role)",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA \(namespace) GRANT SELECT ON TABLES TO \(role)",
            "ALTER ROLE \(role) SET search_path TO \(namespace)",
        ]
    }
}

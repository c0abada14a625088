import Postgres

/// What the connected role may do with the warehouse schema, read from the catalog for
/// `qai-loader check`; ``missing(for:)`` turns it into the rights each command group lacks.
public struct DatabaseRights: Sendable, Equatable {
    /// One table of the schema: its owner and the role's privileges on it.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var owner: String
        /// Whether the role has the owner's privileges (is the owner, a member of it, or a superuser).
        public var owned: Bool
        /// The privileges the role holds among SELECT, INSERT, UPDATE and DELETE.
        public var privileges: Set<String>
    }

    /// A function or sequence of the schema: its owner and whether the role may use it.
    public struct Routine: Sendable, Equatable {
        /// `name(arguments)` for a function, the name for a sequence.
        public var name: String
        public var owner: String
        public var owned: Bool
        /// EXECUTE on a function, USAGE on a sequence.
        public var usable: Bool
    }

    /// The role the connection runs as.
    public var user: String
    /// The database connected to.
    public var database: String
    /// The schema's name.
    public var schema: String
    /// The schema's owner; nil when the schema does not exist yet.
    public var schemaOwner: String?
    /// Whether the role has the schema owner's privileges.
    public var ownsSchema: Bool
    /// Whether the role has USAGE on the schema.
    public var canUseSchema: Bool
    /// Whether the role may create schemas in the database (`migrate` before the first migration).
    public var canCreateInDatabase: Bool
    /// Whether the role can create temporary tables (staging).
    public var canUseTemporaryTables: Bool
    /// The schema's tables (not views), by name.
    public var tables: [Table] = []
    /// The schema's functions (the rollup refresh).
    public var functions: [Routine] = []
    /// The schema's sequences that are not behind identity columns (identity columns need no grant).
    public var sequences: [Routine] = []

    /// Whether the schema exists yet.
    public var schemaExists: Bool { schemaOwner != nil }

    /// Reads the connected role's rights on `schema`.
    public static func read(schema: Identifier, on connection: Connection) async throws -> DatabaseRights {
        let rows = try await connection.execute(
            """
            SELECT current_user AS usr, current_database() AS db, pg_get_userbyid(n.nspowner) AS owner,
                coalesce(pg_has_role(n.nspowner, 'USAGE'), false) AS owned,
                coalesce(has_schema_privilege(n.oid, 'USAGE'), false) AS can_use,
                has_database_privilege(current_database(), 'CREATE') AS can_create,
                has_database_privilege(current_database(), 'TEMPORARY') AS can_temp
            FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = \(schema.name)
            """)
        guard let row = rows.first else {
            throw WarehouseError(code: .database, message: "reading the role's rights returned no row")
        }
        var rights = DatabaseRights(
            user: row[0] ?? "", database: row[1] ?? "", schema: schema.name, schemaOwner: row[2],
            ownsSchema: try row.decode("owned") ?? false, canUseSchema: try row.decode("can_use") ?? false,
            canCreateInDatabase: try row.decode("can_create") ?? false,
            canUseTemporaryTables: try row.decode("can_temp") ?? false)
        guard rights.schemaExists else { return rights }
        rights.tables = try await tables(schema: schema, on: connection)
        rights.functions = try await routines(
            """
            SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                pg_get_userbyid(p.proowner) AS owner, pg_has_role(p.proowner, 'USAGE') AS owned,
                has_function_privilege(p.oid, 'EXECUTE') AS usable
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = \(schema.name) ORDER BY 1
            """, on: connection)
        rights.sequences = try await routines(
            """
            SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner, pg_has_role(c.relowner, 'USAGE') AS owned,
                has_sequence_privilege(c.oid, 'USAGE') AS usable
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(schema.name) AND c.relkind = 'S'
                AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')
            ORDER BY 1
            """, on: connection)
        return rights
    }

    private static func tables(schema: Identifier, on connection: Connection) async throws -> [Table] {
        let rows = try await connection.execute(
            """
            SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner, pg_has_role(c.relowner, 'USAGE') AS owned,
                array_to_string(array_remove(ARRAY[
                    CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END,
                    CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END,
                    CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END,
                    CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END], NULL), ',') AS privileges
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(schema.name) AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
            """)
        return try rows.map { row in
            Table(
                name: row[0] ?? "", owner: row[1] ?? "", owned: try row.decode("owned") ?? false,
                privileges: Set((row[3] ?? "").split(separator: ",").map(String.init)))
        }
    }

    private static func routines(_ query: Query, on connection: Connection) async throws -> [Routine] {
        try await connection.execute(query).map { row in
            Routine(
                name: row[0] ?? "", owner: row[1] ?? "", owned: try row.decode("owned") ?? false,
                usable: try row.decode("usable") ?? false)
        }
    }
}

import Postgres

/// What the connected role may do with the warehouse schema, for `qai-loader check`: `migrate`
/// needs to create in the schema (or, before the first migration, in the database), `sync` needs
/// temporary tables for staging, read/write rights on every warehouse table, and the right to run
/// the schema's functions (the rollup refresh).
public struct DatabaseRights: Sendable, Equatable {
    /// The role the connection runs as.
    public var user: String
    /// The database connected to.
    public var database: String
    /// Whether the schema exists yet.
    public var schemaExists: Bool
    /// Whether the role can create objects in the schema (or, when it does not exist, create it).
    public var canCreate: Bool
    /// Whether the role can create temporary tables (staging).
    public var canUseTemporaryTables: Bool
    /// Tables of the schema the role cannot SELECT, INSERT, UPDATE and DELETE, by name.
    public var tablesWithoutReadWrite: [String]
    /// How many tables the schema has.
    public var tableCount: Int
    /// Functions of the schema the role cannot execute (the rollup refresh), as `name(arguments)`.
    public var functionsWithoutExecute: [String] = []

    /// Whether every right the loader needs is there.
    public var isSufficient: Bool {
        canCreate && canUseTemporaryTables && tablesWithoutReadWrite.isEmpty && functionsWithoutExecute.isEmpty
    }

    /// Reads the connected role's rights on `schema`.
    public static func read(schema: Identifier, on connection: Connection) async throws -> DatabaseRights {
        let rows = try await connection.execute(
            """
            SELECT current_user AS usr, current_database() AS db, n.oid IS NOT NULL AS present,
                CASE WHEN n.oid IS NULL THEN has_database_privilege(current_database(), 'CREATE')
                     ELSE has_schema_privilege(n.oid, 'CREATE') AND has_schema_privilege(n.oid, 'USAGE') END AS can_create,
                has_database_privilege(current_database(), 'TEMPORARY') AS can_temp
            FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = \(schema.name)
            """)
        guard let row = rows.first else {
            throw WarehouseError(code: .database, message: "reading the role's rights returned no row")
        }
        let tables = try await connection.execute(
            """
            SELECT c.relname AS name,
                has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
                    AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE') AS rw
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = \(schema.name) AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
            """)
        var lacking: [String] = []
        for table in tables where try table.decode("rw", as: Bool.self) != true {
            lacking.append(table[0] ?? "")
        }
        let functions = try await connection.execute(
            """
            SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = \(schema.name) AND NOT has_function_privilege(p.oid, 'EXECUTE')
            ORDER BY 1
            """)
        return DatabaseRights(
            user: row[0] ?? "", database: row[1] ?? "", schemaExists: try row.decode("present") ?? false,
            canCreate: try row.decode("can_create") ?? false,
            canUseTemporaryTables: try row.decode("can_temp") ?? false,
            tablesWithoutReadWrite: lacking, tableCount: tables.count,
            functionsWithoutExecute: functions.map { $0[0] ?? "" })
    }
}

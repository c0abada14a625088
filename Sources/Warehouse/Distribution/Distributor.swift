import Logging
import Postgres

/// Spreads a migrated warehouse over a Citus cluster with `sql/citus/distribute.sql`: tables keyed
/// by `conversation_id` hash-distributed on it and colocated with `fact_conversation`, every other
/// table a reference table. Idempotent; `migrate` applies it again after the migrations of a schema
/// that is already distributed, so tables added later are placed by the same rule.
public struct Distributor: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// How the schema's tables are placed.
    public struct Placement: Sendable, Equatable {
        /// Tables hash-distributed on `conversation_id`.
        public var distributed: [String]
        /// Reference tables (a copy on every node).
        public var reference: [String]
        /// Tables Citus does not manage (or manages as coordinator-local tables).
        public var local: [String]
        /// Active worker nodes.
        public var workers: Int
    }

    /// The embedded `sql/citus/distribute.sql`.
    static let script: String = EmbeddedSQL.files["citus/distribute.sql"] ?? ""

    /// Whether the database has the `citus` extension.
    public static func hasCitus(_ connection: Connection) async throws -> Bool {
        let rows = try await connection.execute(
            "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') AS present")
        return try rows.first?.decode("present", as: Bool.self) == true
    }

    /// Whether the schema's `fact_conversation` is hash-distributed (false without Citus).
    public func isDistributed(_ connection: Connection) async throws -> Bool {
        guard try await Self.hasCitus(connection) else { return false }
        let table = schema.qualifying("fact_conversation")
        let rows = try await connection.execute(
            Query(
                """
                SELECT EXISTS (
                    SELECT FROM pg_dist_partition WHERE logicalrelid = to_regclass(\(table)) AND partmethod = 'h'
                ) AS distributed
                """, name: "is the schema distributed"))
        return try rows.first?.decode("distributed", as: Bool.self) == true
    }

    /// Places every table of the schema (one transaction) and returns the placement.
    /// - Throws: `WarehouseError(.citusMissing)` without the extension or without active workers.
    public func distribute(_ connection: Connection, logger: Logger) async throws -> Placement {
        try await requireCluster(connection)
        let schema = self.schema
        try await connection.withTransaction { connection in
            try connection.execute("SET LOCAL search_path TO \(identifier: schema), pg_catalog")
            // The embedded sql/citus/distribute.sql: a script of several statements takes no parameters.
            try connection.executeScript(unsafeSQL: Self.script, name: "citus/distribute.sql")
        }
        let placement = try await self.placement(connection)
        logger.info(
            "distribution.applied",
            metadata: [
                "schema": "\(schema.name)", "tables.distributed": "\(placement.distributed.count)",
                "tables.reference": "\(placement.reference.count)", "workers": "\(placement.workers)",
            ])
        return placement
    }

    /// Throws unless the database is a Citus coordinator with at least one active worker.
    /// - Throws: `WarehouseError(.citusMissing)`, saying what to set up.
    public func requireCluster(_ connection: Connection) async throws {
        guard try await Self.hasCitus(connection) else {
            throw WarehouseError(
                code: .citusMissing,
                message: "migrate --distribute needs a Citus coordinator: this database has no citus extension",
                advice: "run it against the coordinator (CREATE EXTENSION citus there and on each worker, then "
                    + "citus_add_node for each worker), or leave out --distribute; nothing was changed")
        }
        let workers = try await activeWorkers(connection)
        guard workers > 0 else {
            throw WarehouseError(
                code: .citusMissing, message: "migrate --distribute: the Citus coordinator has no active workers",
                advice: "add the workers first (SELECT citus_add_node('host', port)); nothing was changed")
        }
    }

    /// How the schema's tables are placed now.
    public func placement(_ connection: Connection) async throws -> Placement {
        let rows = try await connection.execute(
            Query(
                """
                SELECT c.relname AS name,
                    CASE WHEN p.partmethod = 'h' THEN 'distributed' WHEN p.repmodel = 't' THEN 'reference'
                        ELSE 'local' END AS kind
                FROM pg_class c LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
                WHERE c.relnamespace = to_regnamespace(\(schema.name)) AND c.relkind IN ('r', 'p')
                ORDER BY c.relname
                """, name: "table placement"))
        var placement = Placement(
            distributed: [], reference: [], local: [], workers: try await activeWorkers(connection))
        for row in rows {
            let name = try row.decode("name", as: String.self) ?? ""
            switch try row.decode("kind", as: String.self) {
            case "distributed": placement.distributed.append(name)
            case "reference": placement.reference.append(name)
            default: placement.local.append(name)
            }
        }
        return placement
    }

    private func activeWorkers(_ connection: Connection) async throws -> Int {
        let rows = try await connection.execute("SELECT count(*)::int AS workers FROM citus_get_active_worker_nodes()")
        return try rows.first?.decode("workers", as: Int.self) ?? 0
    }
}

import Postgres
import TestSupport

/// What an interrupted load left on the nodes of a Citus cluster that it should not have: prepared
/// (two-phase) transactions nobody will finish, sessions still inside a transaction, and copies
/// of a reference table that differ between nodes (a write that reached only some of them).
struct CitusLeftovers: Sendable, Equatable, CustomStringConvertible {
    /// Prepared transactions of this database, by node (`host:port`), nodes with none left out.
    var prepared: [String: Int] = [:]
    /// Other sessions of this database inside a transaction, by node, nodes with none left out.
    var inTransaction: [String: Int] = [:]
    /// Reference tables whose copies differ between nodes, each with its per-node digests.
    var divergentReplicas: [String] = []
    /// Reference table copies compared (tables times nodes), to show the comparison ran.
    var replicasCompared = 0

    var isEmpty: Bool { prepared.isEmpty && inTransaction.isEmpty && divergentReplicas.isEmpty }

    var description: String {
        "prepared transactions \(prepared), sessions in a transaction \(inTransaction), "
            + "divergent reference tables \(divergentReplicas) (\(replicasCompared) copies compared)"
    }

    /// Reads the cluster of `database` (the coordinator). Sessions that are still inside a
    /// transaction are waited for up to 10 s (a dead client's backend notices at its next read,
    /// and the coordinator's connections to the workers close after it).
    static func read(_ database: DatabaseConfiguration) async throws -> CitusLeftovers {
        var leftovers = CitusLeftovers()
        let nodes = try await TestCitus.nodes(database)
        for node in nodes {
            let name = node.name
            try await Connection.withConnection(node.database, logger: CitusCrashCluster.logger) { connection in
                var busy = 0
                for _ in 0..<500 {
                    busy =
                        try await connection.execute(
                            """
                            SELECT count(*) AS n FROM pg_stat_activity
                            WHERE datname = current_database() AND pid <> pg_backend_pid()
                              AND backend_type = 'client backend' AND xact_start IS NOT NULL
                            """
                        ).first?.decode("n", as: Int.self) ?? -1
                    if busy == 0 { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                if busy != 0 { leftovers.inTransaction[name] = busy }
                let prepared =
                    try await connection.execute(
                        "SELECT count(*) AS n FROM pg_prepared_xacts WHERE database = current_database()"
                    ).first?.decode("n", as: Int.self) ?? -1
                if prepared != 0 { leftovers.prepared[name] = prepared }
            }
        }
        try await compareReferenceReplicas(database, nodes: nodes, into: &leftovers)
        return leftovers
    }

    /// Digests every node's copy of every reference table of schema `qai` and records the tables
    /// whose copies differ.
    private static func compareReferenceReplicas(
        _ database: DatabaseConfiguration, nodes: [TestCitus.Node], into leftovers: inout CitusLeftovers
    ) async throws {
        let placements = try await Connection.withConnection(database, logger: CitusCrashCluster.logger) {
            connection in
            try await connection.execute(
                """
                SELECT c.relname AS table_name, format('%I.%I', 'qai', c.relname || '_' || s.shardid) AS shard,
                    n.nodename || ':' || n.nodeport AS node
                FROM pg_dist_partition t
                JOIN pg_class c ON c.oid = t.logicalrelid
                JOIN pg_dist_shard s ON s.logicalrelid = t.logicalrelid
                JOIN pg_dist_placement p ON p.shardid = s.shardid
                JOIN pg_dist_node n ON n.groupid = p.groupid AND n.isactive AND n.noderole = 'primary'
                WHERE c.relnamespace = 'qai'::regnamespace AND t.repmodel = 't'
                ORDER BY 1, 3
                """
            ).map { row in (table: row[0] ?? "", shard: row[1] ?? "", node: row[2] ?? "") }
        }
        var digests: [String: [String: String]] = [:]
        for node in nodes {
            let name = node.name
            let here = placements.filter { $0.node == name }
            guard !here.isEmpty else { continue }
            try await Connection.withConnection(node.database, logger: CitusCrashCluster.logger) { connection in
                try await connection.execute("SET citus.override_table_visibility TO off")
                for placement in here {
                    let digest =
                        try await connection.execute(
                            Query(
                                unsafeSQL: """
                                    SELECT count(*) || ':' || md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n'
                                        ORDER BY to_jsonb(t)::text COLLATE "C"), '')) AS digest
                                    FROM ONLY \(placement.shard) t
                                    """, name: "reference copy digest")
                        ).first?[0] ?? ""
                    digests[placement.table, default: [:]][name] = digest
                }
            }
        }
        leftovers.replicasCompared = digests.values.reduce(0) { $0 + $1.count }
        leftovers.divergentReplicas = digests.keys.sorted().compactMap { table in
            let copies = digests[table] ?? [:]
            return Set(copies.values).count > 1 ? "\(table) \(copies.sorted { $0.key < $1.key })" : nil
        }
    }
}

import Foundation
import Logging
import Postgres

/// The Citus cluster the Citus tests run on: `QAI_TEST_CITUS_URL` names its coordinator's database
/// (the `citus` extension created there and on every worker, the workers added with
/// `citus_add_node`). The tests drop and recreate the schema `qai` in it.
enum CitusCluster {
    /// The coordinator's connection string, nil when the variable is unset or empty.
    static let url: String? = ProcessInfo.processInfo.environment["QAI_TEST_CITUS_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static func coordinator() throws -> DatabaseConfiguration {
        guard let url else { throw SyncTestError("QAI_TEST_CITUS_URL is not set") }
        return DatabaseConfiguration(connectionString: url, applicationName: "qai-citus-tests")
    }

    /// Every node of the cluster (the coordinator and each worker), as the coordinator lists them,
    /// reached with the coordinator's settings and the node's host and port.
    static func nodes(from observer: Connection) async throws -> [DatabaseConfiguration] {
        let coordinator = try coordinator()
        var nodes: [DatabaseConfiguration] = []
        for row in try await observer.execute(
            "SELECT nodename, nodeport::text FROM pg_dist_node WHERE isactive ORDER BY groupid")
        {
            nodes.append(try coordinator.replacing(["host": row[0] ?? "", "port": row[1] ?? ""]))
        }
        return nodes
    }

    /// A fingerprint of every row version (`ctid`, `xmin`) of every table that holds rows of
    /// `schema` on every node: the shards of the distributed tables, each node's copy of a reference
    /// table, and plain tables (Citus's shell tables hold none and are left out). Any insert, update
    /// or delete anywhere changes it.
    static func fingerprint(schema: String, nodes: [DatabaseConfiguration]) async throws -> [String: String] {
        let logger = Logger(label: "citus-tests") { _ in SwiftLogNoOpLogHandler() }
        var versions: [String: String] = [:]
        for (index, node) in nodes.enumerated() {
            try await Connection.withConnection(node, logger: logger) { connection in
                try await connection.execute("SET citus.override_table_visibility TO off")
                let tables = try await connection.execute(
                    Query(
                        unsafeSQL: """
                            SELECT c.relname FROM pg_class c
                            WHERE c.relnamespace = to_regnamespace($1) AND c.relkind = 'r'
                              AND NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid)
                            ORDER BY 1
                            """, binds: [schema], name: "tables holding rows"))
                for table in tables.compactMap({ $0[0] }) {
                    let identifier = try Identifier(table)
                    let row = try await connection.execute(
                        Query(
                            unsafeSQL: """
                                SELECT count(*) || ':' || coalesce(md5(string_agg(ctid::text || '/' || xmin::text, ','
                                    ORDER BY ctid)), '')
                                FROM ONLY \(try Identifier(schema).quoted).\(identifier.quoted)
                                """, name: "fingerprint"))
                    versions["node \(index) \(table)"] = row.first?[0] ?? ""
                }
            }
        }
        return versions
    }
}

import Foundation
import Logging
import Postgres
import TestSupport

/// The Citus cluster the Citus tests run on (`TestCitus`: `QAI_TEST_CITUS_URL`). The tests drop and
/// recreate the schema `qai` in it.
enum CitusCluster {
    static func coordinator() throws -> DatabaseConfiguration {
        try TestCitus.coordinator(applicationName: "qai-citus-tests")
    }

    /// A fingerprint of every row version (`ctid`, `xmin`) of every table that holds rows of
    /// `schema` on every node: the shards of the distributed tables, each node's copy of a reference
    /// table, and plain tables (Citus's shell tables hold none and are left out). Any insert, update
    /// or delete anywhere changes it.
    static func fingerprint(schema: String, nodes: [TestCitus.Node]) async throws -> [String: String] {
        let logger = testLogger
        var versions: [String: String] = [:]
        for (index, node) in nodes.enumerated() {
            try await Connection.withConnection(node.database, logger: logger) { connection in
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

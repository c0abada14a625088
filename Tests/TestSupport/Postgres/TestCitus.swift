import Foundation
import Postgres

/// The Citus cluster that Citus tests run on: `QAI_TEST_CITUS_URL` names its coordinator's
/// database (the `citus` extension created there and on every worker, the workers added with
/// `citus_add_node`). Suites that need it are enabled only when it is set, so they are reported
/// as skipped otherwise.
public enum TestCitus {
    /// The coordinator's connection string, nil when the variable is unset or empty.
    public static let url: String? = ProcessInfo.processInfo.environment["QAI_TEST_CITUS_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The coordinator's settings (superuser), or an error when the variable is unset.
    public static func coordinator(applicationName: String) throws -> DatabaseConfiguration {
        guard let url else { throw TestCitusUnset() }
        return DatabaseConfiguration(connectionString: url, applicationName: applicationName)
    }

    /// One node of the cluster.
    public struct Node: Sendable {
        /// `host:port`, as `pg_dist_node` lists it.
        public var name: String
        /// The coordinator's settings with the node's host and port.
        public var database: DatabaseConfiguration
    }

    /// Every active primary node of the cluster `coordinator` coordinates, the coordinator first,
    /// each reached with the coordinator's settings and its own host and port.
    public static func nodes(_ coordinator: DatabaseConfiguration) async throws -> [Node] {
        try await Connection.withConnection(coordinator, logger: testLogger) { connection in
            try await connection.execute(
                "SELECT nodename, nodeport::text FROM pg_dist_node WHERE isactive AND noderole = 'primary' ORDER BY groupid"
            ).map { row in
                let (host, port) = (row[0] ?? "", row[1] ?? "")
                return Node(
                    name: "\(host):\(port)", database: try coordinator.replacing(["host": host, "port": port]))
            }
        }
    }
}

/// `QAI_TEST_CITUS_URL` is not set.
public struct TestCitusUnset: Error, CustomStringConvertible {
    public var description: String { "QAI_TEST_CITUS_URL is not set" }
}

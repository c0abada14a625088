import Foundation
import Logging
import Postgres
import Synchronization

/// The PostgreSQL server tests run against: the one named by `DATABASE_URL` or libpq's `PG*`
/// environment when set, otherwise one throwaway cluster per test process, started on first use
/// and stopped (and removed) when the process exits.
public enum TestPostgres {
    /// The shared server, started on first use.
    public static func server() async throws -> TestServer {
        try await startup.value
    }

    /// A new, empty database on the shared server, unique to the caller.
    public static func makeDatabase(prefix: String = "qai_test") async throws -> DatabaseConfiguration {
        try await server().makeDatabase(prefix: prefix)
    }

    private static let startup = Task<TestServer, any Error> {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return TestServer(admin: DatabaseConfiguration(connectionString: url), cluster: nil)
        }
        if let host = environment["PGHOST"], !host.isEmpty {
            return TestServer(admin: DatabaseConfiguration(), cluster: nil)
        }
        // Benchmarks set QAI_EMBEDDED_PG_DURABLE=1: PostgreSQL's default durability (fsync on).
        let cluster = try ThrowawayCluster.start(durable: environment["QAI_EMBEDDED_PG_DURABLE"] == "1")
        clusterToStop.withLock { $0 = cluster.directory }
        atexit {
            if let directory = clusterToStop.withLock({ $0 }) { ThrowawayCluster.stop(directory: directory) }
        }
        return TestServer(
            admin: DatabaseConfiguration(connectionString: cluster.connectionString()), cluster: cluster)
    }
}

private let clusterToStop = Mutex<URL?>(nil)

/// A server tests may create databases and roles on.
public struct TestServer: Sendable {
    /// Connection settings for the server's maintenance database as a superuser.
    public let admin: DatabaseConfiguration
    /// The throwaway cluster, when the tests started one.
    public let cluster: ThrowawayCluster?

    /// Creates a database with a unique name and returns settings that reach it.
    public func makeDatabase(prefix: String = "qai_test") async throws -> DatabaseConfiguration {
        let name = "\(prefix)_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        let connection = try await Connection.connect(admin, logger: Logger(label: "qai.test-support"))
        do {
            try await connection.execute(Query("CREATE DATABASE \(identifier: try Identifier(name))"))
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return try admin.replacingDatabase(with: name)
    }
}

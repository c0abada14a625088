import Foundation
import Logging
import Postgres
import TestSupport

/// The Citus cluster the Citus crash tests run on: `QAI_TEST_CITUS_URL` names its coordinator's
/// database (the `citus` extension created there and on every worker, the workers added with
/// `citus_add_node`). Each test drops the schema `qai` there and migrates and distributes it anew
/// through the built binary; the nodes are then read directly to find what a kill left behind.
enum CitusCrashCluster {
    static let logger = testLogger

    static func coordinator() throws -> DatabaseConfiguration {
        try TestCitus.coordinator(applicationName: "qai-citus-crash-tests")
    }

    /// A fresh warehouse on the cluster: schema `qai` dropped, then `qai-loader migrate` and
    /// `qai-loader migrate --distribute`; returns the coordinator's settings.
    static func freshWarehouse(loader: LoaderBinary, mockBaseURL: String) async throws -> DatabaseConfiguration {
        let database = try coordinator()
        _ = try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.execute("DROP SCHEMA IF EXISTS qai CASCADE")
        }
        try await loader.migrate(database, mockBaseURL: mockBaseURL)
        try await loader.distribute(database, mockBaseURL: mockBaseURL)
        let distributed = try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.execute(
                """
                SELECT count(*) AS n FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
                WHERE c.relnamespace = 'qai'::regnamespace AND p.partmethod = 'h'
                """
            ).first?.decode("n", as: Int.self) ?? 0
        }
        guard distributed > 0 else {
            throw ChildProcessError("migrate --distribute left no hash-distributed table in schema qai")
        }
        return database
    }
}

extension LoaderBinary {
    /// `qai-loader migrate --distribute` on `database`; throws with the transcript unless it exits 0.
    func distribute(_ database: DatabaseConfiguration, mockBaseURL: String) async throws {
        let process = try ChildProcess.launch(
            path, ["migrate", "--distribute", "--database-url", database.connectionString],
            environment: Self.environment(mockBaseURL: mockBaseURL))
        let finished = try await process.wait()
        guard finished.ending == .exited(0) else {
            throw ChildProcessError(
                "qai-loader migrate --distribute ended with \(finished.ending)\n\(finished.transcript)")
        }
    }
}

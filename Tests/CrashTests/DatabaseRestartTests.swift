import Dispatch
import EmbeddedPostgres
import Foundation
import Postgres
import Testing

@Suite("PostgreSQL restarting under a run")
struct DatabaseRestartTests {
    @Test("a restart of PostgreSQL mid-run fails the run with a connection error, and a rerun completes it")
    func restartMidRun() async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.slowMock.value
        let reference = try await CrashFixture.reference.value
        let cluster = try await Self.offPool { try ThrowawayCluster.start(port: Int.random(in: 20_000..<30_000)) }
        defer { cluster.stop() }
        let admin = DatabaseConfiguration(connectionString: cluster.connectionString())
        _ = try await Connection.withConnection(admin, logger: RunLedger.logger) { connection in
            try await connection.execute("CREATE DATABASE qai_crash_restart")
        }
        let database = DatabaseConfiguration(connectionString: cluster.connectionString(database: "qai_crash_restart"))
        try await loader.migrate(database, mockBaseURL: mock.baseURL)

        let process = try loader.startBackfill(database, mockBaseURL: mock.baseURL)
        try await RunLedger.waitForFirstCommit(database)
        try await Self.offPool { try cluster.restart() }
        let failed = try await process.wait()
        #expect(
            failed.ending != .exited(0) && failed.ending != .signalled(SIGKILL),
            "the run should fail on its own when PostgreSQL restarts under it\n\(failed.transcript)")
        #expect(
            failed.errors.lowercased().contains("connection"),
            "the error should say the database connection was lost\n\(failed.transcript)")

        let recovery = Recovery(
            loader: loader, database: database, mockBaseURL: mock.baseURL,
            interruption: "a PostgreSQL restart after the first commit",
            scenario: "database: pg_ctl restart -m fast mid-run")
        let left = try await recovery.rerunAndVerify(reference: reference)
        #expect(left.batches >= 1, "the restart came after the first commit, so the rerun resumes")
    }

    /// Runs blocking work (pg_ctl) on a dispatch thread, not on the cooperative pool.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

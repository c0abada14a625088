import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 16: the crash scenarios at the merge and commit points on Citus. The loader is killed
/// (`QAI_CRASH_AT`) during a backfill into a warehouse freshly migrated and distributed on the
/// cluster `QAI_TEST_CITUS_URL` names; the kill must leave nothing half-done on any node (no
/// prepared transaction, no open transaction, reference table copies alike) and the rerun must
/// leave the warehouse equal to the uninterrupted load on plain PostgreSQL. Runs only when the
/// variable is set (reported as skipped otherwise, never as passed).
@Suite(
    "Citus: kill -9 of the loader at the merge and commit points, then a rerun", .serialized,
    .enabled(
        if: TestCitus.url != nil,
        "set QAI_TEST_CITUS_URL to a Citus coordinator's database with workers added"))
struct CitusCrashTests {
    /// The points inside a batch's transaction from its merge to just after its COMMIT.
    static let points: Set<CrashPoint> = [.beforeMerge, .midMerge, .beforeCheckpoint, .beforeCommit, .afterCommit]

    /// Every plain-PostgreSQL scenario at those points, one writer and two.
    static let scenarios = CrashScenario.all.filter { points.contains($0.point) }

    @Test("the scenarios cover every merge and commit point, at the first and the second batch")
    func coverage() {
        #expect(Set(Self.scenarios.map(\.point)) == Self.points)
        for point in Self.points {
            let batches = Set(Self.scenarios.filter { $0.point == point }.compactMap(\.committedBatches))
            #expect(
                point == .beforeMerge || batches.count == 2,
                "\(point) is reached in the first batch and in the second: \(batches)")
        }
    }

    @Test("the leftover check sees a prepared transaction, an open transaction and a reference copy that differs")
    func leftoverCheckCanFail() async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.fastMock.value
        let database = try await CitusCrashCluster.freshWarehouse(loader: loader, mockBaseURL: mock.baseURL)
        let nodes = try await TestCitus.nodes(database)
        try #require(nodes.count >= 2, "a coordinator and at least one worker")
        let clean = try await CitusLeftovers.read(database)
        #expect(clean.isEmpty && clean.replicasCompared >= nodes.count, "a freshly migrated warehouse: \(clean)")

        let worker = try #require(nodes.last)
        let shard = try await Connection.withConnection(database, logger: CitusCrashCluster.logger) { connection in
            try await connection.execute(
                "SELECT shard_name FROM citus_shards WHERE table_name = 'qai.schema_migrations'::regclass LIMIT 1"
            ).first?[0]
        }
        let copy = try Identifier(String(try #require(shard).dropFirst("qai.".count)))
        let gid = "qai_citus_crash_probe"
        let open = try await Connection.connect(worker.database, logger: CitusCrashCluster.logger)
        do {
            try await Connection.withConnection(worker.database, logger: CitusCrashCluster.logger) { connection in
                try await connection.execute(Query(unsafeSQL: "DELETE FROM ONLY qai.\(copy.quoted)"))
                try await connection.execute("BEGIN")
                try await connection.execute(Query(unsafeSQL: "PREPARE TRANSACTION '\(gid)'"))
            }
            try await open.execute("BEGIN")
            let planted = try await CitusLeftovers.read(database)
            #expect(planted.prepared == [worker.name: 1], "\(planted)")
            #expect(planted.inTransaction == [worker.name: 1], "\(planted)")
            #expect(
                planted.divergentReplicas.count == 1 && planted.divergentReplicas[0].hasPrefix("schema_migrations "),
                "\(planted)")
        } catch {
            Issue.record(error)
        }
        await open.close()
        try await Connection.withConnection(worker.database, logger: CitusCrashCluster.logger) { connection in
            let left = try await connection.execute(
                Query(unsafeSQL: "SELECT count(*) AS n FROM pg_prepared_xacts WHERE gid = $1", binds: [gid]))
            if try left.first?.decode("n", as: Int.self) != 0 {
                try await connection.execute(Query(unsafeSQL: "ROLLBACK PREPARED '\(gid)'"))
            }
        }
        _ = try await Connection.withConnection(database, logger: CitusCrashCluster.logger) { connection in
            try await connection.execute("DROP SCHEMA qai CASCADE")
        }
    }

    @Test(
        "a kill at a merge or commit point leaves nothing half-done on any node; a rerun leaves the warehouse equal to an uninterrupted load",
        arguments: scenarios)
    func killAtPointThenRerun(_ scenario: CrashScenario) async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.fastMock.value
        let reference = try await CrashFixture.reference.value
        let database = try await CitusCrashCluster.freshWarehouse(loader: loader, mockBaseURL: mock.baseURL)

        try await CrashPointTests.backfill(
            killedAt: scenario.crashAt, writers: scenario.writers, loader: loader, database: database,
            mock: mock.baseURL)
        let others = try await RunLedger.waitForOtherSessionsToEnd(database)
        #expect(others == 0, "sessions of the loader killed at \(scenario) still connected 10 s after the kill")
        let afterKill = try await CitusLeftovers.read(database)
        #expect(afterKill.isEmpty, "after a kill at \(scenario): \(afterKill)")
        #expect(afterKill.replicasCompared > 0, "the reference tables' copies were compared: \(afterKill)")

        let recovery = Recovery(
            loader: loader, database: database, mockBaseURL: mock.baseURL,
            interruption: "a kill at \(scenario.testDescription) on Citus",
            scenario: "citus crash: kill -9 at \(scenario.testDescription)")
        let left = try await recovery.rerunAndVerify(reference: reference)
        if let batches = scenario.committedBatches {
            #expect(left.batches == batches, "batches committed before a kill at \(scenario.crashAt)")
            #expect(
                (left.slices == CrashFixture.slices) == (batches == CrashScenario.batches),
                "all \(CrashFixture.slices) slices are done exactly when every batch committed: \(left)")
        }
        let afterRerun = try await CitusLeftovers.read(database)
        #expect(afterRerun.isEmpty, "after a kill at \(scenario) and a rerun: \(afterRerun)")
    }
}

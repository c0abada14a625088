import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 16, the read side: the analytics warehouse loaded the same way into a distributed schema
/// on the Citus cluster `QAI_TEST_CITUS_URL` names, then the rollup refresh, every view, example
/// query and Grafana panel query, and `status`, each as the read-only role. Reported as skipped
/// without the variable.
@Suite(
    "Citus: rollups, views, dashboards and status on the distributed warehouse", .serialized,
    .enabled(
        if: TestCitus.url != nil, "set QAI_TEST_CITUS_URL to a Citus coordinator's database with workers added"))
struct CitusReadSideTests {
    @Test(
        "the warehouse is distributed: fact_conversation's shards sit on the workers, dimensions are reference tables")
    func distributed() async throws {
        let warehouse = try await AnalyticsWarehouse.citus()
        let schema = warehouse.warehouseSchema
        try await warehouse.withAdmin { connection in
            #expect(try await Distributor(schema: schema).isDistributed(connection))
            let row = try await connection.execute(
                """
                SELECT (SELECT count(DISTINCT p.groupid) FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
                        WHERE s.logicalrelid = to_regclass(\(schema.qualifying("fact_conversation"))) AND p.groupid > 0)
                        AS worker_groups,
                    (SELECT count(*) FROM pg_dist_node WHERE isactive AND groupid > 0) AS workers,
                    (SELECT partmethod::text FROM pg_dist_partition
                        WHERE logicalrelid = to_regclass(\(schema.qualifying("dim_agent")))) AS dim_agent
                """
            ).first
            let workers = try #require(try row?.decode("workers", as: Int.self))
            #expect(workers >= 1)
            #expect(try row?.decode("worker_groups", as: Int.self) == workers)
            #expect(try row?.decode("dim_agent", as: String.self) == "n", "dim_agent is a reference table")
        }
    }

    @Test(
        "with every variable set to All, each panel query runs for the read-only role, fits its panel type and returns rows",
        arguments: try PanelQueries.files())
    func allVariables(file: String) async throws {
        try await PanelQueries(file: file, narrow: false).expect(on: AnalyticsWarehouse.citus())
    }

    @Test(
        "with each multi-value variable narrowed to one option, each panel query still runs and fits its panel type",
        arguments: try PanelQueries.files())
    func oneOption(file: String) async throws {
        try await PanelQueries(file: file, narrow: true).expect(on: AnalyticsWarehouse.citus())
    }

    @Test("the rollup refresh of each run: every rollup table equals the aggregate computed from the facts")
    func rollupsMatchFacts() async throws {
        let warehouse = try await AnalyticsWarehouse.citus()
        #expect(warehouse.refreshedDays.first?.count ?? 0 >= AnalyticsWarehouse.days)
        #expect(warehouse.refreshedDays.last?.isEmpty == false, "the second run refreshed the days it changed")
        try await WarehouseChecks.rollupsMatchFacts(on: warehouse)
    }

    @Test("daily totals equal the mock's ground truth for sampled days")
    func rollupsMatchTruth() async throws {
        try await WarehouseChecks.rollupsMatchTruth(on: AnalyticsWarehouse.citus())
    }

    @Test("every view runs for the read-only role, and the promised ones return rows")
    func everyViewRuns() async throws {
        try await WarehouseChecks.everyViewRuns(on: AnalyticsWarehouse.citus())
    }

    @Test("every view, rollup table, column and the refresh function still carry a comment after distribution")
    func everythingIsCommented() async throws {
        try await WarehouseChecks.everythingIsCommented(on: AnalyticsWarehouse.citus())
    }

    @Test("every sql/queries file runs for the read-only role and returns rows")
    func exampleQueriesRun() async throws {
        try await WarehouseChecks.exampleQueriesRun(on: AnalyticsWarehouse.citus())
    }

    @Test("status, read by the read-only role: conversation counts equal the mock's truth, both runs succeeded")
    func status() async throws {
        let warehouse = try await AnalyticsWarehouse.citus()
        let status = try await warehouse.withReader { connection in
            try await StatusReader(schema: warehouse.warehouseSchema).read(on: connection)
        }
        let truth = warehouse.wholeTruth
        #expect(truth.conversations > 2_500)
        #expect(status.conversations.total == truth.conversations)
        #expect(status.conversations.byAuditStatus == truth.byAuditStatus.filter { $0.value > 0 })
        #expect(status.runs.map(\.runId) == warehouse.runIds.reversed())
        #expect(status.runs.allSatisfy { $0.status.rawValue == "succeeded" })
        #expect(status.streams.map(\.streamId) == [MockSource.stream])
        #expect(status.streams.first?.conversations.total == truth.conversations)
    }
}

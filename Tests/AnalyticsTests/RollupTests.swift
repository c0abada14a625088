import Postgres
import Testing
import Warehouse

@Suite("Daily rollups")
struct RollupTests {
    @Test("every rollup table equals the same aggregate computed independently from the facts, for every day")
    func rollupsMatchFacts() async throws {
        try await WarehouseChecks.rollupsMatchFacts(on: AnalyticsWarehouse.shared())
    }

    @Test("daily totals equal the mock's ground truth for sampled days")
    func rollupsMatchTruth() async throws {
        try await WarehouseChecks.rollupsMatchTruth(on: AnalyticsWarehouse.shared())
    }

    @Test("refresh rebuilds only the given days: a changed fact shows in a refreshed day, not in another")
    func refreshTouchesOnlyGivenDays() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let refresher = RollupRefresher(schema: AnalyticsWarehouse.schemaIdentifier)
        try await warehouse.withAdmin { connection in
            let days = try await connection.execute(
                "SELECT day::text AS day FROM qai.rollup_daily_stream GROUP BY day ORDER BY day LIMIT 2 OFFSET 5"
            ).compactMap { try $0.decode("day", as: String.self).flatMap(RollupDay.init) }
            try #require(days.count == 2)
            let (refreshed, stale) = (days[0], days[1])
            let outcome = try await connection.withTransaction { connection in
                try connection.execute("SAVEPOINT probe")
                for day in [refreshed, stale] {
                    try connection.execute(
                        """
                        UPDATE qai.fact_conversation SET fatal_error_count = coalesce(fatal_error_count, 0) + 1000
                        WHERE conversation_id = (SELECT conversation_id FROM qai.fact_conversation
                            WHERE (conversation_start AT TIME ZONE 'UTC')::date = \(day.description)::date LIMIT 1)
                        """)
                }
                let before = try Self.fatalErrors(on: connection)
                let rebuilt = try refresher.refresh(days: [refreshed, refreshed], on: connection)
                let after = try Self.fatalErrors(on: connection)
                let touched = try connection.execute(
                    "SELECT DISTINCT day::text AS day FROM qai.rollup_daily_agent WHERE refreshed_at = now()"
                ).compactMap { try $0.decode("day", as: String.self) }
                try connection.execute("ROLLBACK TO SAVEPOINT probe")
                return (rebuilt, before, after, touched)
            }
            #expect(outcome.0 == 1)
            #expect(outcome.2[refreshed.description] == (outcome.1[refreshed.description] ?? 0) + 1_000)
            #expect(outcome.2[stale.description] == outcome.1[stale.description])
            #expect(outcome.3 == [refreshed.description])
        }
    }

    @Test("each run refreshed the days it changed: all days first, then only days with audit changes")
    func runsRefreshedChangedDays() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let first = try #require(warehouse.refreshedDays.first)
        let second = try #require(warehouse.refreshedDays.last)
        #expect(first.count >= AnalyticsWarehouse.days)
        #expect(!second.isEmpty)
        #expect(Set(second).isSubset(of: Set(first)))
        let expected = try await warehouse.withAdmin { connection in
            try await connection.execute(
                """
                SELECT DISTINCT (conversation_start AT TIME ZONE 'UTC')::date::text AS day FROM qai.fact_conversation
                WHERE last_run_id = \(warehouse.runIds[1]) AND conversation_start IS NOT NULL ORDER BY 1
                """
            ).compactMap { try $0.decode("day", as: String.self) }
        }
        #expect(second.map(\.description) == expected)
    }

    static func fatalErrors(on connection: isolated Connection) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try connection.execute(
            "SELECT day::text AS day, sum(fatal_errors)::int AS n FROM qai.rollup_daily_stream GROUP BY day")
        {
            if let day = try row.decode("day", as: String.self) { result[day] = try row.decode("n", as: Int.self) }
        }
        return result
    }
}

/// A PostgreSQL array literal of text values, bound as one parameter.
func arrayLiteral(_ values: [String]) -> String {
    "{"
        + values.map {
            "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        .joined(separator: ",") + "}"
}

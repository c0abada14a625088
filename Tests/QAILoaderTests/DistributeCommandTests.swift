import EmbeddedPostgres
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("migrate --distribute")
struct DistributeCommandTests {
    @Test("on plain PostgreSQL it refuses with exit 64, says what to do, and changes nothing")
    func refusesWithoutCitus() async throws {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_distribute")
        let output = try await LoaderProcess.run(
            ["migrate", "--distribute"], environment: ["DATABASE_URL": database.connectionString])
        #expect(output.exitCode == 64, "\(output.all)")
        #expect(output.stderr.contains("needs a Citus coordinator"), "\(output.stderr)")
        #expect(output.stderr.contains("CREATE EXTENSION citus"), "\(output.stderr)")
        #expect(output.stderr.contains("nothing was changed"), "\(output.stderr)")
        let schemas = try await Fixture.count(
            "SELECT count(*) FROM pg_namespace WHERE nspname = 'qai'", on: database)
        #expect(schemas == 0, "the refusal comes before any migration")
        let plain = try await LoaderProcess.run(["migrate"], environment: ["DATABASE_URL": database.connectionString])
        #expect(plain.exitCode == 0 && plain.stdout.contains("applied migration"), "\(plain.all)")
    }

    @Test(
        "on a Citus coordinator: migrate, --distribute, again; every later migrate keeps the placement",
        .enabled(
            if: TestCitus.url != nil, "set QAI_TEST_CITUS_URL to a Citus coordinator's database with workers added"))
    func distributes() async throws {
        let url = try #require(TestCitus.url)
        let coordinator = DatabaseConfiguration(connectionString: url)
        let schema = "qai_cli_\(UUID().uuidString.prefix(8).lowercased())"
        let environment = ["DATABASE_URL": url, "QAI_SCHEMA": schema]
        let placed = #"distributed over [0-9]+ workers: 7 tables on conversation_id, colocated with fact_conversation"#
        let first = try await LoaderProcess.run(["migrate", "--distribute"], environment: environment)
        #expect(first.exitCode == 0, "\(first.all)")
        #expect(first.stdout.contains("applied migration"), "\(first.stdout)")
        #expect(first.stdout.range(of: placed, options: .regularExpression) != nil, "\(first.stdout)")
        let again = try await LoaderProcess.run(["migrate", "--distribute"], environment: environment)
        #expect(again.exitCode == 0 && again.stdout.contains("up to date"), "\(again.all)")
        #expect(again.stdout.range(of: placed, options: .regularExpression) != nil, "\(again.stdout)")
        let plain = try await LoaderProcess.run(["migrate"], environment: environment)
        #expect(plain.exitCode == 0 && plain.stdout.contains("up to date"), "\(plain.all)")
        let distributed = try await Fixture.count(
            """
            SELECT count(*) FROM pg_dist_partition
            WHERE logicalrelid::text LIKE '\(schema).%' AND partmethod = 'h'
            """, on: coordinator)
        let local = try await Fixture.count(
            """
            SELECT count(*) FROM pg_class c
            WHERE c.relnamespace = '\(schema)'::regnamespace AND c.relkind = 'r'
              AND NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND p.repmodel = 't')
              AND NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND p.partmethod = 'h')
            """, on: coordinator)
        try await Fixture.execute("DROP SCHEMA \(schema) CASCADE", on: coordinator)
        #expect(distributed == 7)
        #expect(local == 0, "every other table is a reference table")
    }
}

import Foundation
import Postgres
import TestSupport
import Testing

/// Issue 16 through the built binary: `migrate --distribute`, `check`, `backfill`, `status` and
/// `verify` on the Citus cluster `QAI_TEST_CITUS_URL` names, as a superuser and as the two roles of
/// deploy/postgres/two-roles.sql. Uses the schema `qai_cli` (dropped first), so it can run next to
/// the other Citus suites, which use other schemas of the same database. Reported as skipped
/// without the variable.
@Suite(
    "Citus: check, status and verify on a distributed warehouse", .serialized,
    .enabled(
        if: TestCitus.url != nil, "set QAI_TEST_CITUS_URL to a Citus coordinator's database with workers added"))
struct CitusCommandTests {
    static let schema = "qai_cli"
    static let range = ["--from", "2026-01-01", "--to", "2026-01-03"]

    /// The coordinator's database with the schema dropped.
    static func freshCoordinator() async throws -> DatabaseConfiguration {
        let database = try TestCitus.coordinator(applicationName: "qai-citus-command-tests")
        try await Fixture.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE", on: database)
        return database
    }

    /// The loader's environment for `database` and the mock, with the test's schema and a request
    /// budget (shared through the distributed warehouse).
    static func environment(_ database: DatabaseConfiguration, _ baseURL: String) -> [String: String] {
        Fixture.environment(database: database, apiBaseURL: baseURL).merging([
            "QAI_SCHEMA": schema, "QAI_REQUESTS_PER_MINUTE": "60",
        ]) { $1 }
    }

    @Test(
        "as a superuser: migrate --distribute, check ok, backfill, status counts equal the mock's truth, verify matches, then finds the day whose facts were deleted"
    )
    func superuser() async throws {
        let database = try await Self.freshCoordinator()
        try await Fixture.withMock { mock in
            let environment = Self.environment(database, mock.baseURL)
            let migrate = try await LoaderProcess.run(["migrate", "--distribute"], environment: environment)
            #expect(migrate.exitCode == 0, "\(migrate.all)")
            let distributed = try await Fixture.count(
                """
                SELECT count(*) FROM pg_dist_partition
                WHERE logicalrelid = to_regclass('\(Self.schema).fact_conversation') AND partmethod = 'h'
                """, on: database)
            #expect(distributed == 1, "fact_conversation is hash-distributed")
            // A later binary whose repeatable script changed: migrate runs it again on the distributed schema.
            try await Fixture.execute(
                "UPDATE \(Self.schema).schema_repeatables SET checksum = 'older' WHERE name = 'request_budget.sql'",
                on: database)
            let again = try await LoaderProcess.run(["migrate"], environment: environment)
            #expect(again.exitCode == 0, "\(again.all)")
            #expect(again.all.contains("request_budget.sql"), "\(again.all)")

            let check = try await LoaderProcess.run(["check"], environment: environment)
            #expect(check.exitCode == 0, "\(check.all)")
            let lines = check.stdout.split(separator: "\n")
            #expect(lines.count == 9 && lines.allSatisfy { $0.hasPrefix("ok  ") }, "\(check.stdout)")

            let backfill = try await LoaderProcess.run(["backfill"] + Self.range, environment: environment)
            #expect(backfill.exitCode == 0, "\(backfill.all)")
            #expect(!backfill.all.contains("budget.unshared"), "the budget works on Citus: \(backfill.all)")
            let truth = try await Fixture.truth(mock)
            #expect(truth.count > 0)
            let loaded = try StatusCommandTests.json(
                try await LoaderProcess.run(["status", "--json"], environment: environment))
            #expect(loaded["schema"] as? String == Self.schema)
            let requests = try await Fixture.count(
                "SELECT sum(requests)::int FROM \(Self.schema).etl_run WHERE command = 'backfill'", on: database)
            let counted = try await Fixture.count(
                "SELECT count(*)::int FROM \(Self.schema).etl_account_request WHERE completed_at IS NOT NULL",
                on: database)
            #expect(
                requests > 0 && counted == requests, "every request counted in the budget: \(counted) of \(requests)")
            #expect((loaded["budgets"] as? [[String: Any]])?.first?["account_id"] as? String == "acc-dayone")
            #expect(
                try await Fixture.count("SELECT count(*)::int FROM \(Self.schema).etl_run_claim", on: database) == 0,
                "the run's range claims are released")
            let conversations = try #require(loaded["conversations"] as? [String: Any])
            #expect(conversations["total"] as? Int == truth.count)
            #expect(conversations["by_audit_status"] as? [String: Int] == truth.byAuditStatus)
            let runs = try #require(loaded["runs"] as? [[String: Any]])
            #expect(runs.count == 1 && runs.first?["status"] as? String == "succeeded")
            #expect(runs.first?["inserted"] as? Int == truth.count)
            let stream = try #require((loaded["streams"] as? [[String: Any]])?.first)
            #expect((stream["gaps"] as? [Any])?.isEmpty == true, "\(stream)")

            let complete = try await LoaderProcess.run(["verify"] + Self.range, environment: environment)
            #expect(complete.exitCode == 0, "\(complete.all)")
            #expect(
                complete.stdout.contains("Checked 3 slices with 3 requests: the warehouse matches the API."),
                "\(complete.stdout)")
            try await Fixture.execute(
                """
                DELETE FROM \(Self.schema).fact_conversation WHERE conversation_id IN (SELECT conversation_id
                    FROM \(Self.schema).fact_conversation WHERE conversation_start >= '2026-01-02 00:00:00+00'
                    AND conversation_start < '2026-01-03 00:00:00+00' ORDER BY conversation_id LIMIT 7)
                """, on: database)
            let incomplete = try await LoaderProcess.run(["verify"] + Self.range, environment: environment)
            #expect(incomplete.exitCode == 3, "\(incomplete.all)")
            #expect(incomplete.stdout.contains("1 differ"), "\(incomplete.stdout)")
            #expect(incomplete.stdout.contains("2026-01-02T00:00:00Z to 2026-01-03T00:00:00Z"), "\(incomplete.stdout)")
            #expect(incomplete.stdout.contains("(7 missing)"), "\(incomplete.stdout)")
            let after = try StatusCommandTests.json(
                try await LoaderProcess.run(["status", "--json"], environment: environment))
            #expect((after["conversations"] as? [String: Any])?["total"] as? Int == truth.count - 7)
        }
        try await Fixture.execute("DROP SCHEMA \(Self.schema) CASCADE", on: database)
    }

    @Test(
        "two roles (deploy/postgres/two-roles.sql): the owner migrates --distribute, check is ok for both, the loader backfills and reads status"
    )
    func twoRoles() async throws {
        let database = try await Self.freshCoordinator()
        let roles = TwoRoles()
        do {
            try await roles.apply(on: database, schema: Self.schema)
            let asOwner = try database.replacing(["user": roles.owner])
            let asLoader = try database.replacing(["user": roles.loader])
            let migrate = try await LoaderProcess.run(
                ["migrate", "--distribute"],
                environment: ["DATABASE_URL": asOwner.connectionString, "QAI_SCHEMA": Self.schema])
            #expect(migrate.exitCode == 0, "\(migrate.all)")
            try await roles.apply(on: database, schema: Self.schema)
            let ownerCheck = try await LoaderProcess.run(
                ["check", "--skip-api", "--for", "all"],
                environment: ["DATABASE_URL": asOwner.connectionString, "QAI_SCHEMA": Self.schema])
            #expect(ownerCheck.exitCode == 0, "\(ownerCheck.all)")
            try await Fixture.withMock { mock in
                let environment = Self.environment(asLoader, mock.baseURL)
                let check = try await LoaderProcess.run(["check"], environment: environment)
                #expect(check.exitCode == 0, "\(check.all)")
                let load = CheckCommandTests.lines(check, "database: rights for sync, backfill, verify").line ?? ""
                #expect(load.hasPrefix("ok    "), "\(check.stdout)")
                #expect(CheckCommandTests.lines(check, "database: rights for status").line?.hasPrefix("ok    ") == true)
                let migrateLine = CheckCommandTests.lines(check, "database: rights for migrate").line ?? ""
                #expect(migrateLine.hasPrefix("info  ") && migrateLine.contains("run migrate as \(roles.owner)"))

                let backfill = try await LoaderProcess.run(["backfill"] + Self.range, environment: environment)
                #expect(backfill.exitCode == 0, "\(backfill.all)")
                let truth = try await Fixture.truth(mock)
                let status = try await LoaderProcess.run(["status", "--json"], environment: environment)
                #expect(status.exitCode == 0, "\(status.all)")
                let object = try StatusCommandTests.json(status)
                #expect((object["conversations"] as? [String: Any])?["total"] as? Int == truth.count)
                let verify = try await LoaderProcess.run(["verify"] + Self.range, environment: environment)
                #expect(verify.exitCode == 0, "\(verify.all)")
            }
        } catch {
            try? await Self.dropRoles(roles, on: database)
            throw error
        }
        try await Self.dropRoles(roles, on: database)
    }

    @Test(
        "roles given SELECT before migrate --distribute (the reader role, a role granted by hand) keep it on every view, and every view keeps its comments"
    )
    func grantsBeforeDistribute() async throws {
        let database = try await Self.freshCoordinator()
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let reader = "qai_cli_reader_\(suffix)"
        let analyst = "qai_cli_analyst_\(suffix)"
        let environment = ["DATABASE_URL": database.connectionString, "QAI_SCHEMA": Self.schema]
        let migrate = try await LoaderProcess.run(
            ["migrate", "--create-reader-role", reader], environment: environment)
        #expect(migrate.exitCode == 0, "\(migrate.all)")
        // By hand, without default privileges (the reader role's come back on a recreated view).
        try await Fixture.execute(
            """
            CREATE ROLE \(analyst) NOLOGIN; GRANT USAGE ON SCHEMA \(Self.schema) TO \(analyst);
            GRANT SELECT ON ALL TABLES IN SCHEMA \(Self.schema) TO \(analyst);
            """, on: database)
        let views = """
            FROM pg_class c WHERE c.relnamespace = '\(Self.schema)'::regnamespace AND c.relkind = 'v'
            """
        let readable = "SELECT count(*) \(views) AND has_table_privilege('\(reader)', c.oid, 'SELECT')"
        let byHand = "SELECT count(*) \(views) AND has_table_privilege('\(analyst)', c.oid, 'SELECT')"
        let commented = "SELECT count(*) \(views) AND obj_description(c.oid, 'pg_class') IS NOT NULL"
        let columns = """
            SELECT count(*) \(views.replacingOccurrences(of: "FROM pg_class c", with: "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"))
                AND col_description(c.oid, a.attnum) IS NOT NULL
            """
        let before = (
            try await Fixture.count("SELECT count(*) \(views)", on: database),
            try await Fixture.count(readable, on: database), try await Fixture.count(commented, on: database),
            try await Fixture.count(columns, on: database), try await Fixture.count(byHand, on: database)
        )
        #expect(before.0 >= 19, "the 19 views the README promises, at least")
        #expect(before.1 == before.0, "the reader can read every view before")
        #expect(before.2 == before.0, "every view has a comment before")
        #expect(before.3 > before.0, "view columns have comments before")
        #expect(before.4 == before.0, "the role granted by hand can read every view before")
        let distribute = try await LoaderProcess.run(["migrate", "--distribute"], environment: environment)
        #expect(distribute.exitCode == 0, "\(distribute.all)")
        #expect(try await Fixture.count("SELECT count(*) \(views)", on: database) == before.0)
        #expect(try await Fixture.count(readable, on: database) == before.1, "the reader can read every view")
        #expect(try await Fixture.count(commented, on: database) == before.2, "every view has its comment")
        #expect(try await Fixture.count(columns, on: database) == before.3, "every view column has its comment")
        #expect(try await Fixture.count(byHand, on: database) == before.4, "the role granted by hand reads every view")
        let roles = try [reader, analyst].map { try Identifier($0).quoted }.joined(separator: ", ")
        try await Fixture.execute(
            "DROP SCHEMA \(Self.schema) CASCADE; DROP OWNED BY \(roles); DROP ROLE \(roles)", on: database)
    }

    /// Drops the schema and the two roles (Citus drops them on the workers too).
    static func dropRoles(_ roles: TwoRoles, on database: DatabaseConfiguration) async throws {
        let owner = try Identifier(roles.owner).quoted
        let loader = try Identifier(roles.loader).quoted
        try await Fixture.execute(
            """
            DROP SCHEMA IF EXISTS \(schema) CASCADE;
            DROP OWNED BY \(owner), \(loader);
            DROP ROLE \(owner), \(loader);
            """, on: database)
    }
}

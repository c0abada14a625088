import EmbeddedPostgres
import Foundation
import Postgres
import Testing

extension CheckCommandTests {
    @Test("a role without rights on the schema: FAIL naming each missing right, with the GRANTs to run")
    func missingRights() async throws {
        let database = try await Fixture.migratedDatabase()
        let role = try await Fixture.passwordRole(password: Self.databasePassword, on: database)
        let asRole = try database.replacing(["user": role, "password": Self.databasePassword])
        let output = try await LoaderProcess.run(
            ["check", "--skip-api"], environment: ["DATABASE_URL": asRole.connectionString])
        #expect(output.exitCode == 1, "\(output.all)")
        let migrate = Self.lines(output, "database: rights for migrate").line ?? ""
        #expect(migrate.hasPrefix("info  "), "\(output.stdout)")
        #expect(
            migrate.contains("not needed by this role: migrate needs the owner's rights on schema qai"), "\(migrate)")
        let rights = Self.lines(output, "database: rights for sync, backfill, verify")
        #expect(rights.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        for lacking in [
            "lacks USAGE on schema qai; ", "SELECT, INSERT, UPDATE, DELETE on tables qai.bridge_conversation_agent, ",
            "qai.rollup_pending_day", "; SELECT on tables qai.schema_migrations, qai.schema_repeatables",
            "; EXECUTE on function qai.refresh_rollups(p_days date[])",
        ] {
            #expect(rights.line?.contains(lacking) == true, "missing \(lacking): \(output.stdout)")
        }
        for grant in [
            "GRANT USAGE ON SCHEMA \"qai\" TO \"\(role)\"",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE \"qai\".\"bridge_conversation_agent\", ",
            "GRANT SELECT ON TABLE \"qai\".\"schema_migrations\", \"qai\".\"schema_repeatables\" TO \"\(role)\"",
            "GRANT EXECUTE ON FUNCTION \"qai\".refresh_rollups(p_days date[]) TO \"\(role)\"",
        ] {
            #expect(rights.next?.contains(grant) == true, "missing \(grant): \(output.stdout)")
        }
        let status = Self.lines(output, "database: rights for status").line ?? ""
        #expect(status.hasPrefix("FAIL"), "\(output.stdout)")
        #expect(
            status.contains(
                "SELECT on tables qai.etl_account_budget, qai.etl_account_request, qai.etl_rejected, qai.etl_run, "
                    + "qai.etl_slice, qai.etl_stream_paging, qai.etl_watermark"), "\(status)")
        let schema = Self.lines(output, "database: schema version")
        #expect(schema.line?.contains("permission denied for schema qai") == true, "\(output.stdout)")
        #expect(schema.next?.hasPrefix("      what to do: grant the loader's role") == true)
        Self.expectNoSecret(output)
    }

    @Test("two roles (deploy/postgres/two-roles.sql): the loader role passes check, loads and reads status")
    func twoRoles() async throws {
        let readme = try String(
            contentsOf: TwoRoles.script.deletingLastPathComponent().deletingLastPathComponent()
                .appending(path: "README.md"), encoding: .utf8)
        #expect(
            readme.contains("```sql\n" + (try String(contentsOf: TwoRoles.script, encoding: .utf8)) + "```"),
            "deploy/README.md must show deploy/postgres/two-roles.sql as it is")
        let database = try await TestPostgres.makeDatabase(prefix: "qai_loader")
        let (roles, asOwner, asLoader) = try await Self.setUpTwoRoles(on: database)
        let ownerCheck = try await LoaderProcess.run(
            ["check", "--skip-api", "--for", "all"], environment: ["DATABASE_URL": asOwner.connectionString])
        #expect(ownerCheck.exitCode == 0, "\(ownerCheck.all)")

        try await Fixture.withMock(secret: Self.clientSecret) { mock in
            let environment = Fixture.environment(
                database: asLoader, apiBaseURL: mock.baseURL, secret: Self.clientSecret)
            let check = try await LoaderProcess.run(["check"], environment: environment)
            #expect(check.exitCode == 0, "\(check.all)")
            let migrateLine = Self.lines(check, "database: rights for migrate").line ?? ""
            #expect(migrateLine.hasPrefix("info  "), "\(check.stdout)")
            #expect(migrateLine.contains("not needed by this role"), "\(migrateLine)")
            #expect(migrateLine.contains("run migrate as \(roles.owner)"), "\(migrateLine)")
            let load = Self.lines(check, "database: rights for sync, backfill, verify").line ?? ""
            #expect(load.hasPrefix("ok    "), "\(check.stdout)")
            #expect(Self.lines(check, "database: rights for status").line?.hasPrefix("ok    ") == true)
            Self.expectNoSecret(check)

            let backfill = try await LoaderProcess.run(
                ["backfill", "--from", "2026-01-01", "--to", "2026-01-03"], environment: environment)
            #expect(backfill.exitCode == 0, "\(backfill.all)")
            let status = try await LoaderProcess.run(["status"], environment: environment)
            #expect(status.exitCode == 0, "\(status.all)")
            #expect(status.stdout.contains(Fixture.stream), "\(status.stdout)")
        }
        let loaded = try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database)
        #expect(loaded > 0)

        let forMigrate = try await LoaderProcess.run(
            ["check", "--skip-api", "--for", "migrate"], environment: ["DATABASE_URL": asLoader.connectionString])
        #expect(forMigrate.exitCode == 1, "\(forMigrate.all)")
        let migrateRights = Self.lines(forMigrate, "database: rights for migrate")
        #expect(migrateRights.line?.hasPrefix("FAIL") == true, "\(forMigrate.stdout)")
        #expect(
            migrateRights.line?.contains("lacks the owner's rights (role \(roles.owner)) on schema qai") == true,
            "\(forMigrate.stdout)")
        #expect(migrateRights.next?.contains("run migrate as \(roles.owner)") == true, "\(forMigrate.stdout)")
        #expect(migrateRights.next?.contains("GRANT \"\(roles.owner)\" TO \"\(roles.loader)\"") == true)
        Self.expectNoSecret(forMigrate)
    }

    @Test("two roles, one right revoked: check names the table and privilege with the GRANT, exit 1")
    func twoRolesRevoked() async throws {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_loader")
        let (roles, _, asLoader) = try await Self.setUpTwoRoles(on: database)
        try await Fixture.execute(
            "REVOKE INSERT ON qai.fact_metric FROM \(try Identifier(roles.loader).quoted)", on: database)
        let check = try await LoaderProcess.run(
            ["check", "--skip-api"], environment: ["DATABASE_URL": asLoader.connectionString])
        #expect(check.exitCode == 1, "\(check.all)")
        let load = Self.lines(check, "database: rights for sync, backfill, verify")
        #expect(load.line?.hasPrefix("FAIL") == true, "\(check.stdout)")
        #expect(load.line?.contains("role \(roles.loader) lacks INSERT on table qai.fact_metric (") == true)
        #expect(
            load.next == "      what to do: as the schema's owner or a superuser run: "
                + "GRANT INSERT ON TABLE \"qai\".\"fact_metric\" TO \"\(roles.loader)\"", "\(check.stdout)")
        #expect(Self.lines(check, "database: rights for status").line?.hasPrefix("ok    ") == true)
        #expect(Self.lines(check, "database: rights for migrate").line?.hasPrefix("info  ") == true)
        Self.expectNoSecret(check)
    }

    /// Runs deploy/postgres/two-roles.sql, migrates as the owner and runs the file again, as
    /// deploy/README.md says; returns the roles and the connection settings of each.
    static func setUpTwoRoles(on database: DatabaseConfiguration) async throws
        -> (TwoRoles, owner: DatabaseConfiguration, loader: DatabaseConfiguration)
    {
        let roles = TwoRoles()
        try await roles.apply(on: database)
        try await roles.setPasswords(databasePassword, on: database)
        let asOwner = try database.replacing(["user": roles.owner, "password": databasePassword])
        let asLoader = try database.replacing(["user": roles.loader, "password": databasePassword])
        let migrate = try await LoaderProcess.run(["migrate"], environment: ["DATABASE_URL": asOwner.connectionString])
        #expect(migrate.exitCode == 0, "\(migrate.all)")
        try await roles.apply(on: database)
        return (roles, asOwner, asLoader)
    }
}

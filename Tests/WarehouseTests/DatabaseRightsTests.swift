import Testing

@testable import Warehouse

/// `DatabaseRights.missing(for:)` without a database: which rights each command group lacks and
/// the GRANT for each.
@Suite("DatabaseRights: missing rights per command group")
struct DatabaseRightsTests {
    static func rights(_ change: (inout DatabaseRights) -> Void = { _ in }) -> DatabaseRights {
        let all: Set<String> = ["SELECT", "INSERT", "UPDATE", "DELETE"]
        var rights = DatabaseRights(
            user: "qai_loader", database: "warehouse", schema: "qai", schemaOwner: "qai_owner", ownsSchema: false,
            canUseSchema: true, canCreateInDatabase: false, canUseTemporaryTables: true,
            tables: ["dim_agent", "fact_metric", "schema_migrations", "notes"].map {
                .init(
                    name: $0, owner: "qai_owner", owned: false, privileges: $0 == "schema_migrations" ? ["SELECT"] : all
                )
            },
            functions: [.init(name: "refresh_rollups(p_days date[])", owner: "qai_owner", owned: false, usable: true)])
        change(&rights)
        return rights
    }

    @Test("a loading role with every right it needs: nothing missing for load and status, the owner's for migrate")
    func loader() {
        let rights = Self.rights()
        #expect(rights.missing(for: .load).isEmpty)
        #expect(rights.missing(for: .status).isEmpty)
        #expect(
            rights.missing(for: .migrate) == [
                MissingRight(
                    right: "the owner's rights (role qai_owner) on schema qai, table dim_agent, table fact_metric "
                        + "and 3 more objects in schema qai",
                    grant: "GRANT \"qai_owner\" TO \"qai_loader\"")
            ])
    }

    @Test(
        "one privilege, TEMPORARY and EXECUTE missing: each named with its GRANT; tables outside the loader's ignored")
    func missingPrivileges() {
        let rights = Self.rights {
            $0.tables[1].privileges.remove("INSERT")
            $0.tables[3].privileges = []
            $0.canUseTemporaryTables = false
            $0.functions[0].usable = false
        }
        #expect(
            rights.missing(for: .load).map(\.grant) == [
                "GRANT TEMPORARY ON DATABASE \"warehouse\" TO \"qai_loader\"",
                "GRANT INSERT ON TABLE \"qai\".\"fact_metric\" TO \"qai_loader\"",
                "GRANT EXECUTE ON FUNCTION \"qai\".refresh_rollups(p_days date[]) TO \"qai_loader\"",
            ])
        #expect(rights.missing(for: .load)[1].right == "INSERT on table qai.fact_metric")
        #expect(rights.missing(for: .status).isEmpty)
    }

    @Test("before the first migration: migrate needs CREATE on the database")
    func noSchema() {
        let rights = Self.rights {
            $0.schemaOwner = nil
            $0.tables = []
            $0.functions = []
        }
        #expect(
            rights.missing(for: .migrate).map(\.grant) == ["GRANT CREATE ON DATABASE \"warehouse\" TO \"qai_loader\""])
        #expect(rights.missing(for: .load).isEmpty)
    }
}

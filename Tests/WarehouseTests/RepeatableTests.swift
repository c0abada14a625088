import EmbeddedPostgres
import Foundation
import Postgres
import TestSupport
import Testing

@testable import Warehouse

/// The repeatable scripts (`sql/repeatable`): run after the migrations, again whenever their text
/// changes, and required by every command but `migrate`.
@Suite struct RepeatableTests {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func comment(_ column: String, of view: String, on connection: Connection) async throws -> String? {
        try await connection.execute(
            """
            SELECT col_description(c.oid, a.attnum) FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = \(column)
            WHERE c.oid = to_regclass(\("qai." + view))
            """
        ).first?[0]
    }

    @Test("the embedded scripts are exactly the files in sql/repeatable, in name order")
    func embeddedMatchesRepository() throws {
        let directory = Self.repository.appending(path: "sql/repeatable")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        #expect(Repeatable.embedded.map(\.name) == files.sorted())
        for script in Repeatable.embedded {
            let text = try String(contentsOf: directory.appending(path: script.name), encoding: .utf8)
            #expect(text == script.sql, "\(script.name) differs from the embedded copy")
        }
    }

    @Test("a first migrate runs every script once, a second none; the corrected comments are in place")
    func firstAndSecondMigrate() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let migrator = Migrator(schema: try Identifier("qai"))
        let first = try await migrator.migrate(connection, logger: testLogger)
        #expect(
            first.reapplied == [
                "refresh_rollups.sql", "request_budget.sql", "table_comments.sql", "views_conversation.sql",
                "views_daily.sql", "views_loader.sql",
            ])
        let second = try await migrator.migrate(connection, logger: testLogger)
        #expect(second.applied.isEmpty && second.reapplied.isEmpty)
        try await migrator.verifyCurrent(connection)
        // 0001 and 0002 wrote "'sync', 'backfill', 'demo'"; the repeatable files say what runs now.
        let expected =
            "'sync', 'backfill', 'verify', 'repair' (the reload of verify --repair), 'stream rewind' or 'stream forget'"
        #expect(try await Self.comment("command", of: "etl_run", on: connection)?.contains(expected) == true)
        #expect(try await Self.comment("command", of: "v_loader_run", on: connection)?.contains(expected) == true)
        await connection.close()
    }

    @Test("a changed script runs again on migrate, alone, and keeps the view's grants; until then commands refuse")
    func changedScriptRunsAgain() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let schema = try Identifier("qai")
        _ = try await Migrator(schema: schema).migrate(connection, logger: testLogger)
        try await connection.execute("CREATE ROLE qai_repeatable_reader")
        try await connection.execute("GRANT SELECT ON qai.v_loader_run TO qai_repeatable_reader")
        let changed = Repeatable.embedded.map { script in
            guard script.name == "views_loader.sql" else { return script }
            return Repeatable(
                name: script.name,
                sql: script.sql + "\nCOMMENT ON COLUMN v_loader_run.host IS 'Changed by the test.';\n")
        }
        let report = try await Migrator(schema: schema, repeatables: changed).migrate(connection, logger: testLogger)
        #expect(report.applied.isEmpty && report.reapplied == ["views_loader.sql"])
        #expect(try await Self.comment("host", of: "v_loader_run", on: connection) == "Changed by the test.")
        let granted = try await connection.execute(
            "SELECT has_table_privilege('qai_repeatable_reader', 'qai.v_loader_run', 'SELECT')"
        ).first?[0]
        #expect(granted == "t")

        // This binary's text differs from what ran last: sync, status and check refuse until migrate.
        let error = await #expect(throws: WarehouseError.self) {
            try await Migrator(schema: schema).verifyCurrent(connection)
        }
        #expect(error?.code == .schemaOutdated)
        #expect(error?.description.contains("views_loader.sql") == true)
        let restored = try await Migrator(schema: schema).migrate(connection, logger: testLogger)
        #expect(restored.reapplied == ["views_loader.sql"])
        #expect(try await Self.comment("host", of: "v_loader_run", on: connection) == "Host that ran the loader.")
        try await Migrator(schema: schema).verifyCurrent(connection)
        try await connection.execute("DROP OWNED BY qai_repeatable_reader")
        try await connection.execute("DROP ROLE qai_repeatable_reader")
        await connection.close()
    }

    @Test("a schema migrated before repeatable scripts existed is told to migrate, and migrate catches it up")
    func schemaWithoutRepeatables() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let schema = try Identifier("qai")
        _ = try await Migrator(schema: schema, repeatables: []).migrate(connection, logger: testLogger)
        try await connection.execute("DROP TABLE qai.schema_repeatables")
        let error = await #expect(throws: WarehouseError.self) {
            try await Migrator(schema: schema).verifyCurrent(connection)
        }
        #expect(error?.code == .schemaOutdated)
        #expect(error?.description.contains("lacks the repeatable script") == true)
        let report = try await Migrator(schema: schema).migrate(connection, logger: testLogger)
        #expect(report.applied.isEmpty && report.reapplied.count == Repeatable.embedded.count)
        try await Migrator(schema: schema).verifyCurrent(connection)
        await connection.close()
    }
}

import EmbeddedPostgres
import Foundation
import Postgres
import TestSupport
import Testing

@testable import Warehouse

@Suite("Migrations against a real server")
struct MigratorTests {
    static func migrated(schema: String = "qai") async throws -> (Connection, Migrator) {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let migrator = Migrator(schema: try Identifier(schema))
        _ = try await migrator.migrate(connection, logger: testLogger)
        return (connection, migrator)
    }

    @Test("an empty database gets every table and column of the design, each with a comment")
    func createsContract() async throws {
        let (connection, _) = try await Self.migrated(schema: "qai_contract")
        let rows = try await connection.execute(
            """
            SELECT c.relname AS table_name, a.attname AS column_name,
                   col_description(c.oid, a.attnum) AS column_comment, obj_description(c.oid, 'pg_class') AS table_comment
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = 'qai_contract' AND c.relkind = 'r'
            """)
        var found: [String: Set<String>] = [:]
        var uncommented: [String] = []
        for row in rows {
            let table = row[0] ?? "", column = row[1] ?? ""
            found[table, default: []].insert(column)
            if (row[2] ?? "").isEmpty { uncommented.append("\(table).\(column)") }
            if (row[3] ?? "").isEmpty { uncommented.append(table) }
        }
        for table in DesignContract.tables { #expect(found[table] != nil, "missing table \(table)") }
        for (table, columns) in DesignContract.columns {
            for column in columns { #expect(found[table]?.contains(column) == true, "missing \(table).\(column)") }
        }
        #expect(uncommented.isEmpty, "uncommented: \(Set(uncommented).sorted())")
        let publicTables = try await connection.execute(
            "SELECT count(*) AS c FROM pg_tables WHERE schemaname = 'public'")
        #expect(try publicTables.first?.decode("c", as: Int.self) == 0)
        await connection.close()
    }

    @Test("every unique key of a fact or bridge table includes conversation_id")
    func keysIncludeConversationId() async throws {
        let (connection, _) = try await Self.migrated(schema: "qai_keys")
        let rows = try await connection.execute(
            """
            SELECT t.relname AS table_name, i.relname AS index_name,
                   bool_or(a.attname = 'conversation_id') AS has_conversation_id
            FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (x.indkey)
            WHERE n.nspname = 'qai_keys' AND x.indisunique
            GROUP BY t.relname, i.relname
            """)
        var checked = Set<String>()
        for row in rows where DesignContract.conversationKeyed.contains(row[0] ?? "") {
            checked.insert(row[0] ?? "")
            #expect(try row.decode("has_conversation_id", as: Bool.self) == true, "\(row[1] ?? "") lacks it")
        }
        #expect(checked == Set(DesignContract.conversationKeyed))
        await connection.close()
    }

    @Test("a second migrate is a no-op; verifyCurrent accepts the schema")
    func secondRunIsNoOp() async throws {
        let (connection, migrator) = try await Self.migrated()
        let report = try await migrator.migrate(connection, logger: testLogger)
        #expect(report.applied.isEmpty)
        #expect(report.version == Migration.embedded.last?.version)
        try await migrator.verifyCurrent(connection)
        await connection.close()
    }

    @Test("two migrates started at the same moment both succeed and apply each file once")
    func concurrentMigrates() async throws {
        let database = try await TestPostgres.makeDatabase()
        let migrator = Migrator(schema: try Identifier("qai"))
        async let first = Connection.withConnection(database, logger: testLogger) {
            try await migrator.migrate($0, logger: testLogger)
        }
        async let second = Connection.withConnection(database, logger: testLogger) {
            try await migrator.migrate($0, logger: testLogger)
        }
        let reports = try await [first, second]
        #expect(reports.map(\.applied.count).sorted() == [0, Migration.embedded.count])
        let rows = try await Connection.withConnection(database, logger: testLogger) {
            try await $0.execute("SELECT count(*) AS c FROM qai.schema_migrations")
        }
        #expect(try rows.first?.decode("c", as: Int.self) == Migration.embedded.count)
    }

    @Test("an applied migration whose file was edited is refused, naming the file")
    func editedMigrationRefused() async throws {
        let (connection, _) = try await Self.migrated()
        var edited = Migration.embedded
        let first = edited[0]
        edited[0] = Migration(version: first.version, name: first.name, sql: first.sql + "\n-- edited\n")
        let error = await #expect(throws: WarehouseError.self) {
            _ = try await Migrator(schema: try Identifier("qai"), migrations: edited).migrate(
                connection, logger: testLogger)
        }
        #expect(error?.code == .migrationEdited)
        #expect(error?.description.contains(first.fileName) == true)
        await connection.close()
    }

    @Test("a database newer than the binary is refused with advice to upgrade")
    func newerDatabaseRefused() async throws {
        let (connection, migrator) = try await Self.migrated()
        try await connection.execute(
            "INSERT INTO qai.schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')")
        let error = await #expect(throws: WarehouseError.self) {
            _ = try await migrator.migrate(connection, logger: testLogger)
        }
        #expect(error?.code == .databaseNewer)
        #expect(error?.description.contains("9999") == true)
        await connection.close()
    }

    @Test("the embedded migrations are exactly the files in sql/migrations")
    func embeddedMatchesRepository() throws {
        let directory = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "sql/migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        #expect(Set(files) == Set(Migration.embedded.map(\.fileName)))
        for migration in Migration.embedded {
            let text = try String(contentsOf: directory.appending(path: migration.fileName), encoding: .utf8)
            #expect(text == migration.sql, "\(migration.fileName) differs from the embedded copy")
        }
    }

    @Test("the schema name is never hard-coded: two schemas in one database migrate independently")
    func twoSchemas() async throws {
        let database = try await TestPostgres.makeDatabase()
        for schema in ["alpha", "beta \"quoted\""] {
            let report = try await Connection.withConnection(database, logger: testLogger) {
                try await Migrator(schema: try Identifier(schema)).migrate($0, logger: testLogger)
            }
            #expect(report.applied == Migration.embedded.map(\.version))
        }
    }
}

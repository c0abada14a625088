import EmbeddedPostgres
import Foundation
import Postgres
import TestSupport
import Testing

@testable import Warehouse

@Suite("The SQL a batch runs: staging DDL, COPY column lists and sql/load files")
struct LoadSQLGoldenTests {
    static let testsFolder = URL(filePath: #filePath).deletingLastPathComponent()
    static let goldenURL = testsFolder.appending(path: "Fixtures/load-sql.golden")
    static let loadFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent().appending(
        path: "sql/load")

    /// What the generator produces, in the golden file's layout.
    static func generated() -> String {
        var text = """
            -- What BatchLoader runs for one batch, generated from StagingTables and LoadSQL and checked
            -- by LoadSQLGoldenTests. After a deliberate change, rerun the test with QAI_UPDATE_GOLDEN=1
            -- and review the diff.

            -- 1. Staging tables, created at the start of every batch (StagingTables.create)

            """
        text += StagingTables.create + "\n\n"
        text += "-- 2. Leftover rows (a second load in one transaction) are emptied with\n"
        text += StagingTables.holdsRows + "\n" + StagingTables.truncate + "\n\n"
        text += "-- 3. COPY column lists (Connection.copyIn quotes each name): stg_key for every conversation,\n"
        text += "-- the others for the new and changed ones only\n"
        for table in StagingTables.all {
            text += "COPY \(table.name) (\(table.columns.joined(separator: ", "))) FROM STDIN\n"
        }
        text += "\n-- 4. Files of sql/ run in this order (a batch without changes stops after 01)\n"
        text += LoadSQL.runOrder.map(\.path).joined(separator: "\n") + "\n"
        return text
    }

    @Test("the staging DDL, COPY column lists and run order match the checked-in golden file byte for byte")
    func matchesGolden() throws {
        let actual = Self.generated()
        if ProcessInfo.processInfo.environment["QAI_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: Self.goldenURL)
        }
        let expected = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let line = { (lines: [Substring]) in lines.indices.contains(first) ? String(lines[first]) : "<end of text>" }
        Issue.record(
            """
            the generated load SQL differs from Fixtures/load-sql.golden at line \(first + 1):
            - golden:    \(line(expectedLines))
            + generated: \(line(actualLines))
            (rerun with QAI_UPDATE_GOLDEN=1 to rewrite the golden file, then review its diff)
            --- generated ---
            \(actual)
            """)
    }

    @Test("every file of sql/load is embedded verbatim and runs exactly once")
    func everyLoadFileRuns() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.loadFolder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(onDisk.count == 22)
        #expect(LoadSQL.runOrder.map(\.path) == onDisk.map { "load/" + $0 })
        for statement in LoadSQL.runOrder {
            let file = Self.loadFolder.appending(path: String(statement.path.dropFirst("load/".count)))
            #expect(try String(contentsOf: file, encoding: .utf8) == statement.sql, "\(statement.path)")
            #expect(!statement.sql.contains("qai."), "\(statement.path) must not name a schema")
        }
    }

    @Test("the fact merge file writes every column of stg_conversation")
    func factMergeWritesEveryStagedColumn() {
        let merge = LoadSQL.upsertFacts.sql
        for column in StagingTables.conversation.columnNames {
            #expect(merge.contains("s.\(column)"), "06_merge_fact_conversation.sql does not select s.\(column)")
            if column != "conversation_id" {
                #expect(
                    merge.contains("\(column) = excluded.\(column)"),
                    "06_merge_fact_conversation.sql does not update \(column)")
            }
        }
    }

    /// Where each staging table's columns land (hand-read from sql/load): the target tables, the
    /// staged columns stored under another name, the ones cast to jsonb by the merge, and the
    /// ones only used to order rows.
    struct Target {
        var tables: [String]
        var renamed: [String: String] = [:]
        var castToJSONB: Set<String> = []
        var unstored: Set<String> = []
    }

    static let targets: [String: Target] = [
        "stg_key": Target(tables: ["fact_conversation"]),
        "stg_conversation": Target(tables: ["fact_conversation"], castToJSONB: ["custom_fields", "raw"]),
        "stg_metric": Target(
            tables: ["fact_metric", "dim_metric"], renamed: ["metric_nk": "metric_id"], castToJSONB: ["justification"]),
        "stg_agent": Target(tables: ["bridge_conversation_agent", "dim_agent"]),
        "stg_queue": Target(tables: ["bridge_conversation_queue", "dim_queue"]),
        "stg_intent": Target(tables: ["fact_conversation_intent", "dim_intent"], unstored: ["intent_ordinal"]),
        "stg_voice": Target(tables: ["fact_voice_analytics"]),
    ]

    @Test("each staging column matches the column of the migrated table the merge writes it to, type included")
    func stagingColumnsMatchTargets() async throws {
        let connection = try await BatchLoaderTests.migratedConnection()
        let columns = try await connection.withTransaction { connection in
            try connection.execute(Query(unsafeSQL: "SET LOCAL search_path TO qai, pg_catalog"))
            try connection.executeScript(unsafeSQL: StagingTables.create, name: "create staging tables")
            let rows = try connection.execute(
                """
                SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, NULL) AS type
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
                    AND (n.nspname = 'qai' OR n.oid = pg_my_temp_schema())
                """)
            var columns: [String: [String: String]] = [:]
            for row in rows {
                let table = try #require(try row.decode("table_name", as: String.self))
                let column = try #require(try row.decode("column_name", as: String.self))
                columns[table, default: [:]][column] = try row.decode("type", as: String.self)
            }
            return columns
        }
        #expect(Set(Self.targets.keys) == Set(StagingTables.all.map(\.name)))
        for table in StagingTables.all {
            let target = try #require(Self.targets[table.name])
            let staged = try #require(columns[table.name], "\(table.name) was not created")
            #expect(Array(staged.keys).sorted() == table.columns.sorted(), "\(table.name)")
            for column in table.columns where !target.unstored.contains(column) {
                let name = target.renamed[column] ?? column
                let found = target.tables.compactMap { columns[$0]?[name] }
                #expect(!found.isEmpty, "\(table.name).\(column) has no column \(name) in \(target.tables)")
                let expectedType = target.castToJSONB.contains(column) ? "jsonb" : staged[column]
                for type in found {
                    #expect(
                        type == expectedType, "\(table.name).\(column) is \(staged[column] ?? "?"), stored as \(type)")
                }
            }
        }
        // Every fact column is staged, except the three the merge sets itself.
        let factColumns = try #require(columns["fact_conversation"]).keys
        let loaderSet: Set<String> = ["first_loaded_at", "updated_at", "last_run_id"]
        #expect(Set(factColumns).subtracting(loaderSet) == Set(StagingTables.conversation.columnNames))
    }
}

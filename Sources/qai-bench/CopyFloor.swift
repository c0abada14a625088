import Foundation
import Postgres

/// Floor part (b): a plain COPY of the rows the load wrote. Each loaded table is exported to a
/// file with `psql \copy ... TO`, then `psql \copy ... FROM` the files into unlogged copies
/// without indexes (one psql process for all tables) is timed.
enum CopyFloor {
    /// The tables a backfill writes rows into.
    static let tables = [
        "fact_conversation", "fact_metric", "bridge_conversation_agent", "bridge_conversation_queue",
        "fact_conversation_intent", "fact_voice_analytics", "fact_audit_history", "dim_agent", "dim_queue",
        "dim_metric", "dim_intent",
    ]

    struct Outcome {
        var seconds: Double
        var rows: Int
        var bytes: Int
        /// The same for `fact_conversation` alone.
        var conversationSeconds: Double
        var conversationBytes: Int
        /// CPU seconds the server spent on the timed COPY of all tables.
        var postgresCPU: Double
    }

    static func run(_ fixture: SyncFixture) async throws -> Outcome {
        let directory = URL(filePath: NSTemporaryDirectory()).appending(path: "qai-bench-floor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = fixture.schema
        let files = tables.map { directory.appending(path: "\($0).copy").path }
        try PSQL.run(
            database: fixture.database,
            commands: zip(tables, files).map { "\\copy \(schema.qualifying($0)) TO '\($1)'" })
        var rows = 0
        try await Connection.withConnection(fixture.database, logger: fixture.logger) { connection in
            try await connection.execute(Query("DROP SCHEMA IF EXISTS bench_floor CASCADE"))
            try await connection.execute(Query("CREATE SCHEMA bench_floor"))
            for table in tables {
                // DDL takes no parameters; the tables are the schema's, named by the benchmark's code.
                try await connection.execute(
                    Query(
                        unsafeSQL: "CREATE UNLOGGED TABLE bench_floor.\(table) (LIKE \(schema.qualifying(table)))"))
                let counted = try await connection.execute(
                    Query(unsafeSQL: "SELECT count(*) FROM \(schema.qualifying(table))"))
                rows += try counted.first?.decode(0, as: Int.self) ?? 0
            }
        }
        let copies = zip(tables, files).map { "\\copy bench_floor.\($0) FROM '\($1)'" }
        let before = fixture.cpu.read()
        let seconds = try await Figures.time { try PSQL.run(database: fixture.database, commands: copies) }
        let postgresCPU = (fixture.cpu.read() - before).postgres
        try PSQL.run(database: fixture.database, commands: ["TRUNCATE bench_floor.fact_conversation"])
        let conversationSeconds = try await Figures.time {
            try PSQL.run(database: fixture.database, commands: [copies[0]])
        }
        let sizes = try files.map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0 }
        try PSQL.run(database: fixture.database, commands: ["DROP SCHEMA bench_floor CASCADE"])
        return Outcome(
            seconds: seconds, rows: rows, bytes: sizes.reduce(0, +), conversationSeconds: conversationSeconds,
            conversationBytes: sizes[0], postgresCPU: postgresCPU)
    }
}

import ArgumentParser
import EmbeddedPostgres
import Foundation
import Logging
import Postgres

/// The COPY path (encode + send) against `psql \copy` of the same data from a file.
struct CopyBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "COPY throughput of the Swift path next to psql \\copy of the same rows from a file.")

    @Option(help: "Rows of the narrow table (3 columns).")
    var narrowRows = 1_000_000

    @Option(help: "Rows of the wide table (20 columns, about 700 bytes a row).")
    var wideRows = 100_000

    @Option(help: "Runs of each; the best is reported.")
    var runs = 3

    func run() async throws {
        let logger = Logger(label: "qai-bench")
        let server = try await TestPostgres.server()
        let database = try await server.makeDatabase(prefix: "qai_bench")
        let connection = try await Connection.connect(database, logger: logger)
        for shape in [CopyShape.narrow(rows: narrowRows), CopyShape.wide(rows: wideRows)] {
            // DDL takes no parameters; table and columns are the benchmark's own fixed shapes.
            try await connection.execute(Query(unsafeSQL: "DROP TABLE IF EXISTS \(shape.table)"))
            try await connection.execute(Query(unsafeSQL: "CREATE UNLOGGED TABLE \(shape.table) (\(shape.ddl))"))
            let file = try shape.writeFile()
            defer { try? FileManager.default.removeItem(atPath: file.path) }
            var swiftBest = Double.infinity
            var psqlBest = Double.infinity
            for _ in 0..<runs {
                try await connection.execute(Query(unsafeSQL: "TRUNCATE \(shape.table)"))
                let seconds = try await Figures.time {
                    try await connection.copyIn(table: shape.table, columns: shape.columns) { writer in
                        try shape.encode(into: &writer)
                    }
                }
                swiftBest = min(swiftBest, seconds)
                try await connection.execute(Query(unsafeSQL: "TRUNCATE \(shape.table)"))
                let psqlSeconds = try await Figures.time {
                    try PSQL.copy(database: database, table: shape.table, columns: shape.columns, file: file.path)
                }
                psqlBest = min(psqlBest, psqlSeconds)
            }
            let megabytes = Double(file.bytes) / 1_000_000
            print("copy \(shape.name): \(shape.rows) rows, \(Figures.format(megabytes)) MB of COPY text")
            print(
                "  swift COPY path: \(Figures.format(Double(shape.rows) / swiftBest)) rows/s, "
                    + "\(Figures.format(megabytes / swiftBest)) MB/s (\(Figures.format(swiftBest)) s)")
            print(
                "  psql \\copy file: \(Figures.format(Double(shape.rows) / psqlBest)) rows/s, "
                    + "\(Figures.format(megabytes / psqlBest)) MB/s (\(Figures.format(psqlBest)) s)")
            print("  ratio swift/psql time: \(Figures.format(swiftBest / psqlBest))x (target: at most 1.5x)")
        }
        await connection.close()
        server.cluster?.stop()
    }
}

import ArgumentParser
import Postgres
import Warehouse

/// `qai-loader migrate`: create or upgrade the warehouse schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the warehouse schema (safe to run again, and concurrently).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let logger = options.makeLogger()
        let settings = try await options.settings()
        let migrator = Migrator(schema: try options.schemaIdentifier(settings: settings))
        try await CommandRunner.run(logger: logger) {
            let report = try await Connection.withConnection(
                options.databaseConfiguration(settings: settings), logger: logger
            ) {
                try await migrator.migrate($0, logger: logger)
            }
            if report.applied.isEmpty {
                print("Schema \(migrator.schema.name) is up to date (migration \(report.version)).")
            } else {
                let list = report.applied.map(String.init).joined(separator: ", ")
                print("Schema \(migrator.schema.name): applied migration \(list); now at \(report.version).")
            }
        }
    }
}

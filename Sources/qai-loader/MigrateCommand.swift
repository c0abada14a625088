import ArgumentParser
import Postgres
import Warehouse

/// `qai-loader migrate`: create or upgrade the warehouse schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the warehouse schema (safe to run again, and concurrently).")

    @OptionGroup var options: GlobalOptions

    @Option(
        help: """
            Also create (or update) a read-only login role for Grafana and analysts, with the password from \
            QAI_READER_PASSWORD or QAI_READER_PASSWORD_FILE (none: set one later with ALTER ROLE).
            """)
    var createReaderRole: String?

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        let logger = resolved.log.makeLogger()
        let migrator = Migrator(schema: resolved.schema)
        let reader = try createReaderRole.map { name in
            do {
                return try Identifier(name)
            } catch {
                throw ValidationError("--create-reader-role: \(error)")
            }
        }
        let password = resolved.readerPassword
        try await CommandRunner.run(logger: logger) {
            let report = try await Connection.withConnection(resolved.database, logger: logger) { connection in
                let report = try await migrator.migrate(connection, logger: logger)
                if let reader {
                    let created = try await ReaderRole.create(
                        name: reader, schema: migrator.schema, password: password, on: connection)
                    print(
                        "Read-only role \(reader.name) \(created ? "created" : "updated") for schema \(migrator.schema.name)."
                    )
                }
                return report
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

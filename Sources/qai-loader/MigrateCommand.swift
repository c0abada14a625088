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

    @Flag(
        help: """
            Then distribute the schema over the Citus cluster this database coordinates: tables keyed by \
            conversation_id hash-distributed on it and colocated with fact_conversation, the others reference \
            tables. Idempotent; a schema that is already distributed gets its new tables placed by every migrate.
            """)
    var distribute = false

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
                let distributor = Distributor(schema: migrator.schema)
                if distribute { try await distributor.requireCluster(connection) }
                let report = try await migrator.migrate(connection, logger: logger)
                if distribute {
                    print(
                        Self.describe(
                            try await distributor.distribute(connection, logger: logger), schema: migrator.schema))
                } else if try await distributor.isDistributed(connection) {
                    let placement = try await distributor.distribute(connection, logger: logger)
                    if !placement.local.isEmpty {
                        print(Self.describe(placement, schema: migrator.schema))
                    }
                }
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
            if !report.reapplied.isEmpty {
                print(
                    "Schema \(migrator.schema.name): ran the repeatable scripts "
                        + "\(report.reapplied.joined(separator: ", ")) (new or changed).")
            }
        }
    }

    /// One line on where the schema's tables are.
    static func describe(_ placement: Distributor.Placement, schema: Identifier) -> String {
        var text =
            "Schema \(schema.name) distributed over \(placement.workers) workers: \(placement.distributed.count) tables "
            + "on conversation_id, colocated with fact_conversation (\(placement.distributed.joined(separator: ", "))); "
            + "\(placement.reference.count) reference tables."
        if !placement.local.isEmpty {
            text += " Not distributed: \(placement.local.joined(separator: ", "))."
        }
        return text
    }
}

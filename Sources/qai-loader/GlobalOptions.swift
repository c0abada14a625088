import ArgumentParser
import Foundation
import Logging
import Postgres

/// Options every command that touches the database shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL connection string (URI or key=value). Default: DATABASE_URL, else libpq's PG* environment.")
    var databaseURL: String?

    @Option(help: "Schema that holds the warehouse. Default: QAI_SCHEMA, else qai.")
    var schema: String?

    @Option(
        help: """
            Settings file read after the environment: a flat JSON object (.json) or KEY=value lines, with the \
            environment's names (QAI_STREAM_ID, DATABASE_URL, ...). Env: QAI_CONFIG.
            """)
    var config: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(help: "Log format: text (readable) or json (one JSON object per line).")
    var logFormat: LogFormat = .text

    /// The environment and the config file (`--config` or `QAI_CONFIG`), flags aside.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) async throws
        -> EnvironmentSettings
    {
        let path = config ?? environment["QAI_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        return try await EnvironmentSettings.load(configPath: path, environment: environment)
    }

    /// The database settings: flag, then `DATABASE_URL`, then libpq's environment.
    func databaseConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> DatabaseConfiguration
    {
        databaseConfiguration(settings: EnvironmentSettings(environment))
    }

    /// The database settings: flag, then `DATABASE_URL` from `settings`, then libpq's environment.
    func databaseConfiguration(settings: EnvironmentSettings) -> DatabaseConfiguration {
        DatabaseConfiguration(connectionString: databaseURL ?? settings.value("DATABASE_URL") ?? "")
    }

    /// The warehouse schema: flag, then `QAI_SCHEMA`, then `qai`.
    func schemaIdentifier(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Identifier
    {
        try schemaIdentifier(settings: EnvironmentSettings(environment))
    }

    /// The warehouse schema: flag, then `QAI_SCHEMA` from `settings`, then `qai`.
    func schemaIdentifier(settings: EnvironmentSettings) throws -> Identifier {
        let name = schema ?? settings.value("QAI_SCHEMA") ?? "qai"
        do {
            return try Identifier(name)
        } catch {
            throw ValidationError("--schema / QAI_SCHEMA: \(error.message)")
        }
    }

    func validate() throws {
        _ = try schemaIdentifier()
        do {
            try databaseConfiguration().validate()
        } catch {
            throw ValidationError("--database-url / DATABASE_URL: \(error.message)")
        }
    }

    /// A logger configured from the options; only the command-line tool creates loggers.
    func makeLogger(label: String = "qai-loader") -> Logger {
        LogSetup.bootstrap(format: logFormat)
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

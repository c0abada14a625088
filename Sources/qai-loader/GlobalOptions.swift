import ArgumentParser
import Foundation
import Logging
import Postgres

/// Options every command shares: the database, the schema, the settings file and logging.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: """
            PostgreSQL connection string (URI or key=value). Env: DATABASE_URL (or DATABASE_URL_FILE). Default: \
            libpq's PG* environment.
            """)
    var databaseURL: String?

    @Option(help: "Schema that holds the warehouse. Env: QAI_SCHEMA. Default qai.")
    var schema: String?

    @Option(
        help: """
            Settings file read after the environment: a flat JSON object (.json) or KEY=value lines, with the \
            environment's names (QAI_STREAM_ID, DATABASE_URL, ...). Env: QAI_CONFIG.
            """)
    var config: String?

    @Option(
        help: "Log level: trace, debug, info, notice, warning, error, critical. Env: QAI_LOG_LEVEL. Default info.")
    var logLevel: Logger.Level?

    @Option(help: "Log format: text (readable) or json (one JSON object per line). Env: QAI_LOG_FORMAT. Default text.")
    var logFormat: LogFormat?

    /// The environment and the config file (`--config`, else `QAI_CONFIG`), flags aside.
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

    /// The database settings: flag, then `DATABASE_URL` (or `DATABASE_URL_FILE`) from `settings`,
    /// then libpq's environment; not checked (``databaseConfiguration(_:)`` checks it).
    func databaseConfiguration(settings: EnvironmentSettings) -> DatabaseConfiguration {
        var resolver = SettingsResolver(settings)
        let url = try? resolver.secret(.databaseURL, flag: databaseURL)
        return DatabaseConfiguration(connectionString: url ?? "")
    }

    /// The database settings, resolved and checked.
    /// - Throws: `ValidationError` naming `--database-url / DATABASE_URL`, never the password.
    func databaseConfiguration(_ resolver: inout SettingsResolver) throws -> DatabaseConfiguration {
        let configuration = DatabaseConfiguration(
            connectionString: try resolver.secret(.databaseURL, flag: databaseURL) ?? "")
        do {
            try configuration.validate()
        } catch {
            throw ValidationError("\(Setting.databaseURL.label): \(error.message)")
        }
        return configuration
    }

    /// The warehouse schema: flag, then `QAI_SCHEMA`, then `qai`.
    func schemaIdentifier(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Identifier
    {
        try schemaIdentifier(settings: EnvironmentSettings(environment))
    }

    /// The warehouse schema: flag, then `QAI_SCHEMA` from `settings`, then `qai`.
    func schemaIdentifier(settings: EnvironmentSettings) throws -> Identifier {
        var resolver = SettingsResolver(settings)
        return try schemaIdentifier(&resolver)
    }

    /// The warehouse schema, resolved and checked.
    func schemaIdentifier(_ resolver: inout SettingsResolver) throws -> Identifier {
        let name = resolver.text(.schema, flag: schema) ?? ""
        do {
            return try Identifier(name)
        } catch {
            throw ValidationError("\(Setting.schema.label): \(error.message)")
        }
    }

    /// The log level and format: flags, then `QAI_LOG_LEVEL` and `QAI_LOG_FORMAT`, then info and text.
    func logSettings(_ resolver: inout SettingsResolver) throws -> LogSettings {
        LogSettings(
            level: try resolver.choice(.logLevel, flag: logLevel) ?? .info,
            format: try resolver.choice(.logFormat, flag: logFormat) ?? .text)
    }

    /// A logger configured from the resolved log settings; only the command-line tool creates loggers.
    func makeLogger(settings: EnvironmentSettings, label: String = "qai-loader") throws -> Logger {
        var resolver = SettingsResolver(settings)
        return try logSettings(&resolver).makeLogger(label: label)
    }

    func validate() throws {
        _ = try schemaIdentifier()
        do {
            try databaseConfiguration().validate()
        } catch {
            throw ValidationError("--database-url / DATABASE_URL: \(error.message)")
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

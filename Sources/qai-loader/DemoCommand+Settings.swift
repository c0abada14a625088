import Postgres

extension DemoCommand: SettingsCommand {
    /// Everything `demo` takes, resolved (flag > environment > settings file > default) and checked.
    struct Settings: Sendable {
        let log: LogSettings
        /// The database to load, nil when none is given (the demo starts a throwaway one).
        let database: DatabaseConfiguration?
        let schema: Identifier
        /// The effective value of each setting, by name.
        let effective: [String: String]
    }

    /// The settings of this invocation, from its flags and `settings`.
    /// - Throws: `ValidationError` naming the first invalid setting.
    func resolve(settings: EnvironmentSettings) throws -> Settings {
        var resolver = SettingsResolver(settings)
        let log = try options.logSettings(&resolver)
        let database = try options.databaseConfiguration(&resolver)
        let schema = try options.schemaIdentifier(&resolver)
        return Settings(
            log: log, database: database.connectionString.isEmpty ? nil : database, schema: schema,
            effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

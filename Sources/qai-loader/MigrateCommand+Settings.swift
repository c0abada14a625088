import Postgres

extension MigrateCommand: SettingsCommand {
    /// Everything `migrate` takes, resolved (flag > environment > settings file > default) and checked.
    struct Settings: Sendable {
        let log: LogSettings
        let database: DatabaseConfiguration
        let schema: Identifier
        /// The read-only role's password (`QAI_READER_PASSWORD`, or the file `QAI_READER_PASSWORD_FILE` names).
        let readerPassword: String?
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
        let readerPassword = try resolver.secret(.readerPassword)
        return Settings(
            log: log, database: database, schema: schema, readerPassword: readerPassword,
            effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

import Postgres

extension StatusCommand: SettingsCommand {
    /// Everything `status` takes, resolved (flag > environment > settings file > default) and checked.
    struct Settings: Sendable {
        let log: LogSettings
        let database: DatabaseConfiguration
        let schema: Identifier
        let lookbackDays: Int
        let sweptWithinDays: Int
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
        let lookbackDays = try resolver.lookbackDays(flag: self.lookbackDays)
        let sweptWithinDays = try resolver.integer(.sweptWithinDays, flag: self.sweptWithinDays, in: 1...Int.max) ?? 2
        return Settings(
            log: log, database: database, schema: schema, lookbackDays: lookbackDays,
            sweptWithinDays: sweptWithinDays, effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

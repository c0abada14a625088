import Postgres
import QualityAI

extension VerifyCommand: SettingsCommand {
    /// Everything `verify` takes, resolved (flag > environment > settings file > default) and checked.
    struct Settings: Sendable {
        let log: LogSettings
        let database: DatabaseConfiguration
        let schema: Identifier
        let api: APIConfiguration
        let http: HTTPClientFactory
        let sliceHours: Int
        let concurrency: Int
        /// The effective value of each setting, by name.
        let effective: [String: String]
    }

    /// The settings of this invocation, from its flags and `settings`.
    /// - Throws: `ValidationError` naming the first invalid or missing setting.
    func resolve(settings: EnvironmentSettings) throws -> Settings {
        var resolver = SettingsResolver(settings)
        let log = try options.logSettings(&resolver)
        let database = try options.databaseConfiguration(&resolver)
        let schema = try options.schemaIdentifier(&resolver)
        let (api, http) = try self.api.resolve(&resolver)
        let sliceHours = try resolver.sliceHours(flag: self.sliceHours)
        let concurrency = try resolver.concurrency(flag: self.concurrency)
        return Settings(
            log: log, database: database, schema: schema, api: api, http: http, sliceHours: sliceHours,
            concurrency: concurrency, effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

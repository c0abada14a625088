import Postgres
import QualityAI

extension CheckCommand: SettingsCommand {
    /// Everything `check` takes, resolved (flag > environment > settings file > default); each part
    /// holds its value or the error `check` reports as a failed configuration check.
    struct Settings {
        let log: Result<LogSettings, any Error>
        /// The API settings; nil with `--skip-api`.
        let api: Result<APIConfiguration, any Error>?
        /// The proxy and CA file; nil with `--skip-api`.
        let http: Result<HTTPClientFactory, any Error>?
        let database: Result<(DatabaseConfiguration, Identifier), any Error>
        /// The effective value of each setting resolved, by name.
        let effective: [String: String]

        /// The first error, in the order `check` reports them.
        var failure: (any Error)? {
            let parts: [Result<Void, any Error>?] = [
                log.map { _ in }, api?.map { _ in }, http?.map { _ in }, database.map { _ in },
            ]
            for case .failure(let error)? in parts { return error }
            return nil
        }
    }

    /// The settings of this invocation, from its flags and `settings`.
    func resolve(settings: EnvironmentSettings) -> Settings {
        var resolver = SettingsResolver(settings)
        let log = Result { try options.logSettings(&resolver) }
        var api: Result<APIConfiguration, any Error>?
        var http: Result<HTTPClientFactory, any Error>?
        if !skipAPI {
            let resolvedAPI = Result { try self.api.configuration(&resolver) }
            let baseURL = (try? resolvedAPI.get())?.baseURL ?? resolver.text(.apiBaseURL, flag: self.api.baseURL) ?? ""
            api = resolvedAPI
            http = Result { try self.api.httpClientFactory(&resolver, baseURL: baseURL) }
        }
        let database = Result {
            (try options.databaseConfiguration(&resolver), try options.schemaIdentifier(&resolver))
        }
        return Settings(log: log, api: api, http: http, database: database, effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        let resolved = resolve(settings: settings)
        if let failure = resolved.failure { throw failure }
        return resolved.effective
    }
}

import MockAPI

extension MockAPICommand: SettingsCommand {
    /// The settings `mock-api` takes (its other options describe one invocation's scenario).
    struct Settings: Sendable {
        let log: LogSettings
        /// The client secret that signs valid tokens.
        let clientSecret: String
        /// The effective value of each setting, by name.
        let effective: [String: String]
    }

    /// The settings of this invocation, from its flags and `settings`.
    /// - Throws: `ValidationError` naming the first invalid setting.
    func resolve(settings: EnvironmentSettings) throws -> Settings {
        var resolver = SettingsResolver(settings)
        let log = try options.logSettings(&resolver)
        let secret =
            try resolver.secret(.mockClientSecret, flag: clientSecret) ?? MockAPIConfiguration.defaultClientSecret
        return Settings(log: log, clientSecret: secret, effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

extension BackfillCommand: SettingsCommand {
    /// Everything `backfill` takes, resolved (flag > environment > settings file > default) and
    /// checked: only what it shares with `sync`.
    @dynamicMemberLookup
    struct Settings: Sendable {
        let load: LoadSettings
        /// The effective value of each setting, by name.
        let effective: [String: String]

        subscript<T>(dynamicMember keyPath: KeyPath<LoadSettings, T>) -> T { load[keyPath: keyPath] }
    }

    /// The settings of this invocation, from its flags and `settings`.
    /// - Throws: `ValidationError` naming the first invalid or missing setting.
    func resolve(settings: EnvironmentSettings) throws -> Settings {
        var resolver = SettingsResolver(settings)
        let load = try LoadSettings.resolve(
            &resolver, options: options, api: api, metrics: metrics, types: types, locks: locks,
            load: load)
        return Settings(load: load, effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

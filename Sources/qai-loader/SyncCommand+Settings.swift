import Warehouse

extension SyncCommand: SettingsCommand {
    /// Everything `sync` takes, resolved (flag > environment > settings file > default) and checked:
    /// what it shares with `backfill`, and where new data starts, the lookback and its re-sweep.
    @dynamicMemberLookup
    struct Settings: Sendable {
        let load: LoadSettings
        let since: TimeArgument?
        let lookbackDays: Int
        let maxRequests: Int?
        let settleMinutes: Int
        let fillGaps: Bool
        let resweep: ResweepPolicy
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
        return Settings(
            load: load, since: try resolver.time(.since, flag: since),
            lookbackDays: try resolver.lookbackDays(flag: lookbackDays),
            maxRequests: try resolver.integer(.maxRequests, flag: maxRequests, in: 1...Int.max),
            settleMinutes: try resolver.integer(.settleMinutes, flag: settleMinutes, in: 0...Int.max) ?? 10,
            fillGaps: try resolver.boolean(.fillGaps, flag: fillGaps) ?? false, resweep: try resweep.policy(&resolver),
            effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

import Postgres
import QualityAI
import Warehouse

extension SyncCommand: SettingsCommand {
    /// Everything `sync` takes, resolved (flag > environment > settings file > default) and checked.
    struct Settings: Sendable {
        let log: LogSettings
        let database: DatabaseConfiguration
        let schema: Identifier
        let api: APIConfiguration
        let http: HTTPClientFactory
        let metrics: MetricsOutputs
        let strictTypes: Bool
        let lockPolicy: LockPolicy
        let since: TimeArgument?
        let lookbackDays: Int
        let maxRequests: Int?
        let settleMinutes: Int
        let sliceHours: Int
        let concurrency: Int
        let writers: Int
        let fillGaps: Bool
        let resweep: ResweepPolicy
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
        let metrics = try self.metrics.outputs(&resolver, caBundle: http.caBundle)
        let strictTypes = try types.strict(&resolver)
        let lockPolicy = try locks.policy(&resolver)
        let since = try resolver.time(.since, flag: self.since)
        let lookbackDays = try resolver.lookbackDays(flag: self.lookbackDays)
        let maxRequests = try resolver.integer(.maxRequests, flag: self.maxRequests, in: 1...Int.max)
        let settleMinutes = try resolver.integer(.settleMinutes, flag: self.settleMinutes, in: 0...Int.max) ?? 10
        let sliceHours = try resolver.sliceHours(flag: self.sliceHours)
        let concurrency = try resolver.concurrency(flag: self.concurrency)
        let writers = try resolver.writers(flag: self.writers)
        let fillGaps = try resolver.boolean(.fillGaps, flag: self.fillGaps) ?? false
        let resweep = try self.resweep.policy(&resolver)
        return Settings(
            log: log, database: database, schema: schema, api: api, http: http, metrics: metrics,
            strictTypes: strictTypes, lockPolicy: lockPolicy, since: since, lookbackDays: lookbackDays,
            maxRequests: maxRequests, settleMinutes: settleMinutes, sliceHours: sliceHours, concurrency: concurrency,
            writers: writers, fillGaps: fillGaps, resweep: resweep, effective: resolver.effective)
    }

    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try resolve(settings: settings).effective
    }
}

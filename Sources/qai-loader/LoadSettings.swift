import Postgres
import QualityAI
import Warehouse

/// The settings `sync` and `backfill` share, resolved the same way for both: the warehouse, the
/// API and its network, metrics, and how a load runs (type drift, lock waits, slicing, writers).
struct LoadSettings: Sendable {
    let log: LogSettings
    let database: DatabaseConfiguration
    let schema: Identifier
    let api: APIConfiguration
    let http: HTTPClientFactory
    let metrics: MetricsOutputs
    let strictTypes: Bool
    let lockPolicy: LockPolicy
    let sliceHours: Int
    let concurrency: Int
    let writers: Int

    /// The shared settings from the two commands' shared options and their `LoadOptions`.
    /// - Throws: `ValidationError` naming the first invalid or missing setting.
    static func resolve(
        _ resolver: inout SettingsResolver, options: GlobalOptions, api: APIOptions, metrics: MetricsOptions,
        types: TypeDriftOptions, locks: LockOptions, load: LoadOptions
    ) throws -> LoadSettings {
        let log = try options.logSettings(&resolver)
        let database = try options.databaseConfiguration(&resolver)
        let schema = try options.schemaIdentifier(&resolver)
        let (api, http) = try api.resolve(&resolver)
        return LoadSettings(
            log: log, database: database, schema: schema, api: api, http: http,
            metrics: try metrics.outputs(&resolver, caBundle: http.caBundle), strictTypes: try types.strict(&resolver),
            lockPolicy: try locks.policy(&resolver), sliceHours: try resolver.sliceHours(flag: load.sliceHours),
            concurrency: try resolver.concurrency(flag: load.concurrency),
            writers: try resolver.writers(flag: load.writers))
    }
}

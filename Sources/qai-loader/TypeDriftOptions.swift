import ArgumentParser

/// `--strict-types` for `sync` and `backfill`: quarantine records holding a value that cannot be
/// read as its type instead of loading them with NULL there.
struct TypeDriftOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: """
            Quarantine records holding a value that cannot be read as its type (a score sent as "abc") in \
            etl_rejected instead of loading them with NULL there; the run then exits 2. The drift is counted \
            either way (etl_run.type_drift). Env: QAI_STRICT_TYPES. Default false.
            """)
    var strictTypes: Bool?

    /// The flag, then `QAI_STRICT_TYPES` (environment, then settings file), then false.
    func strict(settings: EnvironmentSettings) throws -> Bool {
        var resolver = SettingsResolver(settings)
        return try strict(&resolver)
    }

    /// The flag, then `QAI_STRICT_TYPES` (environment, then settings file), then false.
    func strict(_ resolver: inout SettingsResolver) throws -> Bool {
        try resolver.boolean(.strictTypes, flag: strictTypes) ?? false
    }
}

import ArgumentParser
import Warehouse

/// How `sync` chooses the lookback days it fetches again (`ResweepPolicy`).
struct ResweepOptions: ParsableArguments {
    @Option(
        help:
            "Re-sweep policy: adaptive (where audit changes are likeliest) or uniform (every day, every night). Env: QAI_RESWEEP. Default adaptive."
    )
    var resweep: ResweepPolicy.Mode?

    @Option(
        help:
            "adaptive: every lookback day is fetched again at least this often, in days. Env: QAI_RESWEEP_MAX_INTERVAL_DAYS. Default 5."
    )
    var resweepMaxIntervalDays: Double?

    @Option(
        help:
            "adaptive: a day with likely changes is fetched again at most this often, in days. Env: QAI_RESWEEP_MIN_INTERVAL_DAYS. Default 3."
    )
    var resweepMinIntervalDays: Double?

    @Option(
        help:
            "adaptive: share (0-1) of a day's expected audit changes since its last sweep that makes it due. Env: QAI_RESWEEP_THRESHOLD. Default 0.05."
    )
    var resweepThreshold: Double?

    /// The policy from `settings`; see ``policy(_:)``.
    func policy(settings: EnvironmentSettings) throws -> ResweepPolicy {
        var resolver = SettingsResolver(settings)
        return try policy(&resolver)
    }

    /// The policy: flags, then the settings (environment, config file), then the defaults.
    func policy(_ resolver: inout SettingsResolver) throws -> ResweepPolicy {
        var policy = ResweepPolicy()
        policy.mode = try resolver.choice(.resweep, flag: resweep) ?? policy.mode
        policy.maxIntervalDays =
            try resolver.number(
                .resweepMaxIntervalDays, flag: resweepMaxIntervalDays, in: 1...Double.greatestFiniteMagnitude)
            ?? policy.maxIntervalDays
        policy.minIntervalDays =
            try resolver.number(
                .resweepMinIntervalDays, flag: resweepMinIntervalDays, in: 0...Double.greatestFiniteMagnitude)
            ?? policy.minIntervalDays
        policy.threshold = try resolver.number(.resweepThreshold, flag: resweepThreshold, in: 0...1) ?? policy.threshold
        guard policy.minIntervalDays <= policy.maxIntervalDays else {
            throw ValidationError(
                "\(Setting.resweepMinIntervalDays.label) must not be more than \(Setting.resweepMaxIntervalDays.label) "
                    + "(\(resolver.effective[Setting.resweepMaxIntervalDays.name] ?? "")), "
                    + "not '\(resolver.effective[Setting.resweepMinIntervalDays.name] ?? "")'")
        }
        return policy
    }
}

extension ResweepPolicy.Mode: ExpressibleByArgument {}

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

    /// The policy: flags, then the settings (environment, config file), then the defaults.
    func policy(settings: EnvironmentSettings) throws -> ResweepPolicy {
        let defaults = ResweepPolicy()
        var policy = defaults
        if let mode = resweep {
            policy.mode = mode
        } else if let text = settings.value("QAI_RESWEEP") {
            guard let mode = ResweepPolicy.Mode(rawValue: text) else {
                throw ValidationError("QAI_RESWEEP must be adaptive or uniform, not \(text)")
            }
            policy.mode = mode
        }
        policy.maxIntervalDays =
            try resweepMaxIntervalDays ?? number("QAI_RESWEEP_MAX_INTERVAL_DAYS", settings) ?? defaults.maxIntervalDays
        policy.minIntervalDays =
            try resweepMinIntervalDays ?? number("QAI_RESWEEP_MIN_INTERVAL_DAYS", settings) ?? defaults.minIntervalDays
        policy.threshold = try resweepThreshold ?? number("QAI_RESWEEP_THRESHOLD", settings) ?? defaults.threshold
        guard policy.maxIntervalDays >= 1 else {
            throw ValidationError("--resweep-max-interval-days must be at least 1")
        }
        guard policy.minIntervalDays >= 0, policy.minIntervalDays <= policy.maxIntervalDays else {
            throw ValidationError("--resweep-min-interval-days must be between 0 and --resweep-max-interval-days")
        }
        guard (0...1).contains(policy.threshold) else {
            throw ValidationError("--resweep-threshold must be between 0 and 1")
        }
        return policy
    }

    private func number(_ name: String, _ settings: EnvironmentSettings) throws -> Double? {
        guard let text = settings.value(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw ValidationError("\(name) must be a number, not \(text)")
        }
        return value
    }
}

extension ResweepPolicy.Mode: ExpressibleByArgument {}

import ArgumentParser
import Foundation

/// `--now T` (hidden): the time a `sync` or `backfill` takes as now, for simulations against the
/// built-in mock API on its simulated clock (`qai-loader mock-api --now`). Slices are stamped
/// with it too, so the re-sweep policy sees the simulated nights.
struct ClockOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Take this UTC time as now (simulations against the mock's simulated clock).", visibility: .hidden))
    var now: InstantArgument?

    /// Now, epoch seconds.
    var seconds: Int64 { now?.seconds ?? Int64(Date().timeIntervalSince1970) }

    /// The loader's clock for the run's records.
    var clock: @Sendable () -> Double {
        guard let fixed = now?.seconds else { return { Date().timeIntervalSince1970 } }
        return { Double(fixed) }
    }
}

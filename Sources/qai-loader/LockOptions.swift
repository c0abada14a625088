import ArgumentParser
import Warehouse

/// How `sync` and `backfill` wait for locks held by other sessions (an analyst's long transaction).
struct LockOptions: ParsableArguments {
    @Option(
        help: """
            Seconds a batch waits for a table or row lock held by another session before it rolls back and \
            retries (up to 5 times, pausing 1, 2, 4, 8, 16 s); readers and dashboards are never blocked for \
            longer. Default 5.
            """)
    var lockTimeoutSeconds: Double = 5

    func validate() throws {
        guard lockTimeoutSeconds >= 0.001, lockTimeoutSeconds <= 3_600 else {
            throw ValidationError("--lock-timeout-seconds must be between 0.001 and 3600, e.g. 5")
        }
    }

    /// The lock policy for the run's transactions.
    var policy: LockPolicy {
        LockPolicy(timeout: .milliseconds(Int64((lockTimeoutSeconds * 1_000).rounded())))
    }
}

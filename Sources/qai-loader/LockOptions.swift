import ArgumentParser
import Warehouse

/// How `sync` and `backfill` wait for locks held by other sessions (an analyst's long transaction).
struct LockOptions: ParsableArguments {
    @Option(
        help: """
            Seconds a batch waits for a table or row lock held by another session before it rolls back and \
            retries (up to 5 times, pausing 1, 2, 4, 8, 16 s); readers and dashboards are never blocked for \
            longer. 0.001 to 3600. Env: QAI_LOCK_TIMEOUT_SECONDS. Default 5.
            """)
    var lockTimeoutSeconds: Double?

    /// The lock policy for the run's transactions: the flag, then `QAI_LOCK_TIMEOUT_SECONDS`, then 5 s.
    func policy(_ resolver: inout SettingsResolver) throws -> LockPolicy {
        let seconds = try resolver.number(.lockTimeoutSeconds, flag: lockTimeoutSeconds, in: 0.001...3_600) ?? 5
        return LockPolicy(timeout: .milliseconds(Int64((seconds * 1_000).rounded())))
    }
}

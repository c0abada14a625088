import Postgres

/// How a run's transactions wait for table and row locks, so an analyst's long transaction on a
/// fact table delays the loader instead of the loader queueing dashboards behind it.
///
/// Every batch transaction (and the rollup refresh) starts with `SET LOCAL lock_timeout`. When a
/// lock is not granted in time (55P03), or the transaction hits a deadlock (40P01) or a
/// serialization failure (40001), it is rolled back and retried with the same fetched data after
/// a growing pause, at most `maxRetries` times.
public struct LockPolicy: Sendable, Hashable {
    /// How long one statement waits for a lock before it gives up (`lock_timeout`).
    public var timeout: Duration
    /// Retries of one transaction after a lock failure; then the run fails.
    public var maxRetries: Int
    /// The pause before the first retry; it doubles per retry up to `maxBackoff`.
    public var backoff: Duration
    public var maxBackoff: Duration

    public init(
        timeout: Duration = .seconds(5), maxRetries: Int = 5, backoff: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(30)
    ) {
        self.timeout = timeout
        self.maxRetries = max(0, maxRetries)
        self.backoff = backoff
        self.maxBackoff = maxBackoff
    }

    /// The default: 5 s per lock, up to 5 retries with 1, 2, 4, 8, 16 s pauses (about a minute in all).
    public static let standard = LockPolicy()

    /// The pause before retry number `retry` (1-based).
    public func delay(beforeRetry retry: Int) -> Duration {
        var pause = backoff
        for _ in 1..<max(1, retry) where pause < maxBackoff { pause *= 2 }
        return min(pause, maxBackoff)
    }

    /// The statement that sets the timeout for the current transaction only (whole milliseconds,
    /// at least 1: `0` would mean "wait for ever").
    var setLocalTimeout: Query {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(1, seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
        // SET takes no parameters; the value spliced is an integer.
        return Query(unsafeSQL: "SET LOCAL lock_timeout = '\(milliseconds)ms'", name: "SET LOCAL lock_timeout")
    }

    /// Whether rolling back and running the same transaction again may succeed. Only lock waits,
    /// deadlocks and serialization failures on a live connection qualify. A cancelled statement
    /// (57014, `statement_timeout`) is not retried: the same batch would run just as long again.
    /// A lost connection is not retried on the dead connection either: the run fails, and a rerun
    /// resumes after the last committed batch.
    static func isRetryable(_ error: PostgresError) -> Bool {
        guard error.code == .server, let state = error.sqlState else { return false }
        return state == .lockNotAvailable || state == .deadlockDetected || state == .serializationFailure
    }
}

/// When and how long to wait before sending a failed request again: exponential backoff with full
/// jitter, at least as long as the server's `Retry-After`. Pure: the caller supplies randomness.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per request, the first one included.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles with each further attempt.
    public var baseDelay: Duration
    /// The largest backoff ceiling.
    public var maxDelay: Duration
    /// The least wait after a rate-limited answer without `Retry-After`.
    public var rateLimitedMinimumDelay: Duration
    /// The longest `Retry-After` honoured; a longer one is cut to this.
    public var maxRetryAfter: Duration

    public init(
        maxAttempts: Int = 6, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        rateLimitedMinimumDelay: Duration = .seconds(1), maxRetryAfter: Duration = .seconds(300)
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.rateLimitedMinimumDelay = rateLimitedMinimumDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The wait before the next attempt after `attempt` (1-based) failed with `error`, or nil when
    /// the error is final or the attempts are used up.
    public func delay(
        after error: APIError, attempt: Int, using generator: inout some RandomNumberGenerator
    ) -> Duration? {
        guard error.isRetryable, attempt < maxAttempts else { return nil }
        var wait = jitteredBackoff(attempt: attempt, using: &generator)
        if let retryAfter = error.retryAfter {
            wait = max(wait, min(retryAfter, maxRetryAfter))
        } else if error.code == .rateLimited {
            wait = max(wait, rateLimitedMinimumDelay)
        }
        return wait
    }

    /// Full jitter: a uniform random wait in `[0, min(maxDelay, baseDelay * 2^(attempt - 1))]`.
    public func jitteredBackoff(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = backoffCeiling(attempt: attempt)
        let nanoseconds = Self.nanoseconds(ceiling)
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds, using: &generator))
    }

    /// The upper bound of the jittered wait after `attempt` (1-based) failed.
    public func backoffCeiling(attempt: Int) -> Duration {
        let doublings = max(0, min(attempt - 1, 40))
        let base = Self.nanoseconds(baseDelay)
        let cap = Self.nanoseconds(maxDelay)
        let (scaled, overflow) = base.multipliedReportingOverflow(by: Int64(1) << Int64(doublings))
        return .nanoseconds(overflow ? cap : min(scaled, cap))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole &+ attoseconds / 1_000_000_000
    }
}

/// Keeps an account's requests within its budget: never more than `limit` request starts in any
/// sliding window (a minute by default). One limiter per account, shared by every concurrent fetch.
///
/// It keeps a log of the last `limit` start times. A caller that finds the log full sleeps until
/// the oldest start leaves the window and looks again; a start is logged in the same step that
/// finds room for it, so concurrent callers can never overbook.
public actor RateLimiter {
    /// Starts allowed per window; `0` means unlimited.
    public nonisolated let limit: Int
    /// The sliding window the limit applies to.
    public nonisolated let window: Duration
    private let clock: any PacingClock
    private var starts: [Duration] = []
    private var head = 0

    /// A limiter for a per-minute budget. Its window is 60.5 s: the half second of slack keeps the
    /// server's count, which sees arrival times shifted by network jitter, within the budget.
    /// - Parameter requestsPerMinute: the budget; `0` means unlimited.
    public init(requestsPerMinute: Int, clock: any PacingClock = ContinuousPacingClock()) {
        self.init(limit: requestsPerMinute, per: .milliseconds(60_500), clock: clock)
    }

    /// A limiter allowing `limit` starts in any sliding `window` (`0` means unlimited).
    public init(limit: Int, per window: Duration, clock: any PacingClock = ContinuousPacingClock()) {
        self.limit = max(0, limit)
        self.window = window
        self.clock = clock
    }

    /// A granted start: when (on the limiter's clock) and how long the caller waited for it.
    public struct Grant: Sendable, Hashable {
        public var start: Duration
        public var waited: Duration
    }

    /// Waits until a request may start, and records its start.
    @discardableResult
    public func acquire() async throws(CancellationError) -> Grant {
        guard limit > 0 else { return Grant(start: clock.now(), waited: .zero) }
        let began = clock.now()
        while true {
            let now = clock.now()
            while head < starts.count, starts[head] + window <= now { head += 1 }
            if starts.count - head < limit {
                starts.append(now)
                compact()
                return Grant(start: now, waited: now - began)
            }
            do {
                try await clock.sleep(for: starts[head] + window - now)
            } catch {
                throw CancellationError()
            }
        }
    }

    private func compact() {
        if head > 64, head * 2 > starts.count {
            starts.removeFirst(head)
            head = 0
        }
    }
}

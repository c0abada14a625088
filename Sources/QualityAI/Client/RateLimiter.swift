/// Keeps an account's requests within its budget: never more than `limit` requests in any
/// sliding window (a minute by default). One limiter per account, shared by every concurrent fetch.
///
/// It holds `limit` slots. A request takes a slot that is free, and the slot is free again one
/// window after the request started or, when the caller reports completion with `release(_:)`,
/// one window after the response arrived, whichever is later. Measured from completion, two
/// requests on one slot reach the server at least a window apart however long the first one
/// took to get there, so network delays cannot make the server count more than `limit`.
public actor RateLimiter: RequestBudget {
    /// Requests allowed per window; `0` means unlimited.
    public nonisolated let limit: Int
    /// The sliding window the limit applies to.
    public nonisolated let window: Duration
    private let clock: any PacingClock
    /// Per slot: when it may be used again.
    private var freeAt: [Duration] = []
    /// Per slot: how many grants it has given, so a late release of an older grant is ignored.
    private var generations: [Int] = []
    /// No request starts before this (after a 429).
    private var pausedUntil: Duration?

    /// A limiter for a per-minute budget. Its window is 60.5 s: the half second of slack absorbs
    /// the difference between this machine's clock and the server's.
    /// - Parameter requestsPerMinute: the budget; `0` means unlimited.
    public init(requestsPerMinute: Int, clock: any PacingClock = ContinuousPacingClock()) {
        self.init(limit: requestsPerMinute, per: .milliseconds(60_500), clock: clock)
    }

    /// A limiter allowing `limit` requests in any sliding `window` (`0` means unlimited).
    public init(limit: Int, per window: Duration, clock: any PacingClock = ContinuousPacingClock()) {
        self.limit = max(0, limit)
        self.window = window
        self.clock = clock
    }

    /// A granted start: when (on the limiter's clock) and how long the caller waited for it.
    public struct Grant: Sendable, Hashable {
        public var start: Duration
        public var waited: Duration
        var slot = -1
        var generation = 0
        /// The request's id in a budget shared across processes, when one counted it.
        public var ticket: Int64?
    }

    /// Waits until a request may start, and takes a slot for it.
    @discardableResult
    public func acquire() async throws(CancellationError) -> Grant {
        guard limit > 0 else { return Grant(start: clock.now(), waited: .zero) }
        let began = clock.now()
        while true {
            let now = clock.now()
            if let pausedUntil, pausedUntil > now {
                do {
                    try await clock.sleep(for: pausedUntil - now)
                } catch {
                    throw CancellationError()
                }
                continue
            }
            if freeAt.count < limit {
                freeAt.append(now + window)
                generations.append(1)
                return Grant(start: now, waited: now - began, slot: freeAt.count - 1, generation: 1)
            }
            var soonest = 0
            for index in freeAt.indices where freeAt[index] < freeAt[soonest] { soonest = index }
            if freeAt[soonest] <= now {
                freeAt[soonest] = now + window
                generations[soonest] += 1
                return Grant(start: now, waited: now - began, slot: soonest, generation: generations[soonest])
            }
            do {
                try await clock.sleep(for: freeAt[soonest] - now)
            } catch {
                throw CancellationError()
            }
        }
    }

    /// After a 429, no request starts for `pause` (unlimited limiters, as in tests, do not pause:
    /// the retry of the rate-limited request waits by itself).
    public func rateLimited(for pause: Duration, reason: String) {
        guard limit > 0 else { return }
        let until = clock.now() + pause
        pausedUntil = max(pausedUntil ?? until, until)
    }

    /// Reports that the request of `grant` completed (response or failure): its slot is free one
    /// window from now, if that is later than one window after its start.
    public func release(_ grant: Grant) {
        guard grant.slot >= 0, grant.slot < freeAt.count, generations[grant.slot] == grant.generation else { return }
        freeAt[grant.slot] = max(freeAt[grant.slot], clock.now() + window)
    }
}

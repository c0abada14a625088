/// What fetching one window cost: the figures a run record keeps.
public struct WindowStatistics: Sendable, Hashable {
    /// HTTP requests sent, retries included.
    public var requests = 0
    /// Requests that were retries of a failed attempt.
    public var retries = 0
    /// Answers that were rate-limited (429 or a rate-limit message).
    public var rateLimited = 0
    /// Pages received and decoded.
    public var pages = 0
    /// Times a window was cut into smaller windows.
    public var splits = 0
    /// Records received beyond the distinct conversation ids (repeats of an id).
    public var duplicates = 0
    /// Time spent waiting for the rate limiter's budget.
    public var throttled: Duration = .zero

    public init() {}

    /// Adds another window's figures to these.
    public mutating func add(_ other: WindowStatistics) {
        requests += other.requests
        retries += other.retries
        rateLimited += other.rateLimited
        pages += other.pages
        splits += other.splits
        duplicates += other.duplicates
        throttled += other.throttled
    }
}

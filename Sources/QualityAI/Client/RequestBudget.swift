/// What paces an account's requests: a grant before each request, its release once the request
/// completed, and word when the vendor answered 429, so that every request of the account waits.
/// ``RateLimiter`` paces one process; a budget shared through the warehouse paces all of them.
public protocol RequestBudget: Sendable {
    /// Waits until a request may start, and counts it.
    func acquire() async throws(CancellationError) -> RateLimiter.Grant
    /// Reports that the request of `grant` completed (response or failure).
    func release(_ grant: RateLimiter.Grant) async
    /// The vendor answered 429 (rate limited): no request of the account starts for `pause`.
    /// `reason` describes the response (never a secret).
    func rateLimited(for pause: Duration, reason: String) async
}

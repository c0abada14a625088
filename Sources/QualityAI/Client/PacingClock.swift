/// The monotonic time source the ``RateLimiter`` reads and sleeps on; tests inject a virtual one.
public protocol PacingClock: Sendable {
    /// Time elapsed since a fixed, arbitrary origin.
    func now() -> Duration
    /// Suspends the caller for `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `ContinuousClock`, which keeps counting while the machine sleeps.
public struct ContinuousPacingClock: PacingClock {
    private let origin: ContinuousClock.Instant

    public init() { origin = ContinuousClock.now }

    public func now() -> Duration { ContinuousClock.now - origin }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration, clock: .continuous)
    }
}

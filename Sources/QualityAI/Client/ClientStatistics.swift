import Synchronization

/// Running totals across every window a client fetched, safe to read while fetches run; the loader
/// copies them into its run records.
public final class ClientStatistics: Sendable {
    private let totals = Mutex(WindowStatistics())

    public init() {}

    /// The totals so far.
    public func snapshot() -> WindowStatistics { totals.withLock { $0 } }

    func record(_ update: (inout WindowStatistics) -> Void) {
        totals.withLock { update(&$0) }
    }
}

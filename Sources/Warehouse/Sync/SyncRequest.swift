#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a `sync` or `backfill` run should do, planned before it starts.
public struct SyncRequest: Sendable {
    /// `sync` or `backfill`, recorded in `etl_run.command`.
    public var command: RunCommand
    /// The run's options for `etl_run.options` (never secrets); also identifies the run for resume.
    public var options: [String: String]
    /// Slices in the order they should be fetched.
    public var slices: [SliceSpec]
    /// How many slices are fetched at the same time.
    public var concurrency: Int
    /// A transaction commits once a stream's fetched slices hold at least this many conversations.
    public var batchConversations: Int
    /// Database connections that load batches at the same time (the first also holds the run's
    /// locks and records the run). Two keep a two-core server busy; one loads strictly in order.
    public var writers: Int
    /// Stop scheduling slices once the run has made this many requests (nil: no limit).
    public var maxRequests: Int?
    /// How batch and rollup transactions wait for locks held by other sessions, and how often they retry.
    public var lockPolicy: LockPolicy
    /// The loader's clock, epoch seconds: when slices completed (`etl_slice.completed_at`, which the
    /// re-sweep policy reads) and audit changes were observed. Tests and benchmarks inject a
    /// simulated one.
    public var clock: @Sendable () -> Double
    /// The length the slices were planned with (seconds): a wide slice is cut on its UTC multiples.
    public var sliceSeconds: Int64 = 86_400
    /// Join the planned slices of each stretch of new data, backfill or gap into wide slices that
    /// are cut only where the data is dense (`SliceSpans`); off, every planned slice is fetched.
    public var followsData = true
    /// Quarantine records holding a value that cannot be read as its type (`--strict-types`)
    /// instead of loading them with NULL there; the drift is counted either way.
    public var strictTypes = false

    /// The system's clock, epoch seconds.
    public static let wallClock: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    /// The default of `batchConversations`.
    public static let defaultBatchConversations = 2_000

    public init(
        command: RunCommand, options: [String: String], slices: [SliceSpec], concurrency: Int = 4,
        batchConversations: Int = defaultBatchConversations, writers: Int = 2, maxRequests: Int? = nil,
        lockPolicy: LockPolicy = .standard, clock: @escaping @Sendable () -> Double = SyncRequest.wallClock
    ) {
        self.clock = clock
        self.writers = max(1, writers)
        self.command = command
        self.options = options
        self.slices = slices
        self.concurrency = concurrency
        self.batchConversations = batchConversations
        self.maxRequests = maxRequests
        self.lockPolicy = lockPolicy
    }
}

/// What a run did.
public struct RunSummary: Sendable {
    public var runId: Int64
    public var totals: RunTotals
    /// Slices skipped because an interrupted earlier run had completed them.
    public var resumedSlices: Int
    /// Slices not fetched because the request budget ran out.
    public var deferredSlices: Int
    /// Wall-clock seconds.
    public var seconds: Double
}

import AsyncHTTPClient
import Logging

/// Fetches every conversation of a stream's time window from the raw data API, paced by a shared
/// ``RateLimiter``, retried by the configured ``RetryPolicy``, and paged so that it neither loses
/// records nor loops.
///
/// How a window is fetched:
/// - Page 1 (offset 0). When `totalResults` exceeds `splitThreshold`, the window is cut by time
///   into parts small enough to page shallowly (page 1's records are kept, not fetched again).
/// - Otherwise pages 2, 3, ... follow until `hasMore == false`, a short or empty page, `totalPages`,
///   or `totalResults` records. A page with no new id, or paging past `totalResults`, means the
///   API misbehaves: the window is halved and each half fetched instead. A one-second window that
///   still misbehaves throws `.stuckPaging`.
/// - When a window's distinct ids (plus rejected records) differ from its `totalResults`, its
///   halves are fetched once more. If a half still differs, it is accepted only when the records
///   received equal `totalResults` (the vendor repeated ids: nothing is missing; counted in
///   `duplicates` and logged at info); otherwise `.incompleteWindow` is thrown.
/// - No page of a window is requested twice in one call (retries of a failed attempt aside).
///
/// Logs (debug unless noted; never a token or secret): `qai.request` and `qai.response` per
/// attempt, `qai.request.retry`, `qai.window.split`, `qai.window.refetch` (info),
/// `qai.window.duplicate_ids` (info), `qai.window.fetched`; keys `stream.id`, `window.start`,
/// `window.end`, `page.window`, `page.number`, `http.attempt`, `http.status`, `http.bytes`,
/// `http.duration`, `error.code`, `retry.delay`, `split.reason`, `split.parts`, `window.total`,
/// `window.received`, `window.conversations`, `window.rejections`, `window.requests`, `window.splits`.
public struct RawDataClient: Sendable {
    /// The settings the client was made with.
    public let configuration: APIConfiguration
    /// Running totals across all windows this client (and its copies) fetched.
    public let statistics: ClientStatistics
    /// How the API pages each stream, as learned during the run (shared by copies).
    public let paging: PagingKnowledge
    let httpClient: HTTPClient
    let limiter: any RequestBudget
    let tokens: TokenProvider
    let clock: any PacingClock
    let logger: Logger

    /// - Parameters:
    ///   - httpClient: the run's HTTP client; its lifetime is the caller's.
    ///   - limiter: the account's budget, shared by every concurrent fetch of the account (a
    ///     ``RateLimiter``, or a budget shared across processes).
    ///   - tokens: the token source; by default one made from `configuration.credentials`.
    ///   - clock: what retries sleep on.
    /// - Throws: `.configuration` when `configuration` is invalid.
    public init(
        httpClient: HTTPClient, configuration: APIConfiguration, limiter: any RequestBudget,
        tokens: TokenProvider? = nil,
        statistics: ClientStatistics = ClientStatistics(), paging: PagingKnowledge = PagingKnowledge(),
        clock: any PacingClock = ContinuousPacingClock(),
        logger: Logger
    ) throws(APIError) {
        try configuration.validate()
        self.httpClient = httpClient
        self.configuration = configuration
        self.limiter = limiter
        self.tokens = tokens ?? TokenProvider(credentials: configuration.credentials)
        self.statistics = statistics
        self.paging = paging
        self.clock = clock
        self.logger = logger
    }

    /// Fetches every record of `window` for `streamId`, de-duplicated by conversation id.
    public func fetchWindow(streamId: String, window: TimeWindow) async throws(APIError) -> WindowResult {
        guard case .complete(let result) = try await fetch(window, streamId: streamId, accepting: nil) else {
            preconditionFailure("a window fetched with no limit is never too dense")
        }
        return result
    }

    /// Fetches `window` into `collector`; returns the `totalResults` its first page announced.
    @discardableResult
    func collect(
        _ window: TimeWindow, streamId: String, mayRepair: Bool, into collector: inout WindowCollector,
        logger: Logger
    ) async throws(APIError) -> Int? {
        let outcome = try await page(window, streamId: streamId, into: &collector, logger: logger)
        return try await resolve(
            outcome, of: window, streamId: streamId, mayRepair: mayRepair, into: &collector, logger: logger)
    }

    /// Finishes `window` after paging it ended with `outcome`: fetches its parts, or repairs it.
    func resolve(
        _ outcome: PagingOutcome, of window: TimeWindow, streamId: String, mayRepair: Bool,
        into collector: inout WindowCollector, logger: Logger
    ) async throws(APIError) -> Int? {
        switch outcome {
        case .tooDense(let total):
            return total
        case .split(let parts, let reason, let total, let context):
            guard parts.count > 1 else { throw APIError(code: .stuckPaging, detail: reason).at(context) }
            collector.count(\.splits)
            collector.dropRejections(pagedIn: window)
            logger.debug(
                "qai.window.split",
                metadata: [
                    "split.reason": "\(reason)", "split.parts": "\(parts.count)", "page.number": "\(context.page)",
                ])
            for part in parts {
                try await collect(part, streamId: streamId, mayRepair: mayRepair, into: &collector, logger: logger)
            }
            return total
        case .complete(let received, let records, let total):
            guard let total, received != total else { return total }
            if mayRepair, let (first, second) = window.halves() {
                collector.count(\.splits)
                collector.dropRejections(pagedIn: window)
                logger.info(
                    "qai.window.refetch",
                    metadata: ["window.total": "\(total)", "window.received": "\(received)"])
                try await collect(first, streamId: streamId, mayRepair: false, into: &collector, logger: logger)
                try await collect(second, streamId: streamId, mayRepair: false, into: &collector, logger: logger)
                return total
            }
            guard records == total else {
                throw APIError(
                    code: .incompleteWindow, streamId: streamId, window: window,
                    detail: "\(received) distinct records arrived, \(total) were announced")
            }
            collector.count(\.duplicates, by: total - received)
            logger.info(
                "qai.window.duplicate_ids",
                metadata: ["window.total": "\(total)", "window.received": "\(received)"])
            return total
        }
    }
}

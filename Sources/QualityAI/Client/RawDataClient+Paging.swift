import Logging

extension RawDataClient {
    /// How paging one window ended.
    enum PagingOutcome {
        /// Every page arrived: `received` distinct ids plus rejected records, `records` entries in all.
        case complete(received: Int, records: Int, total: Int?)
        /// The window must be fetched as `parts` instead (one part: it cannot be cut further).
        case split(parts: [TimeWindow], reason: String, total: Int?, at: PageContext)
        /// Page 1 announced more records than the caller accepts in one window (or no total and
        /// more pages): nothing of it was kept.
        case tooDense(total: Int?)
    }

    /// Pages through one window, adding every record to `collector`.
    func page(
        _ window: TimeWindow, streamId: String, accepting accepted: Int? = nil, into collector: inout WindowCollector,
        logger: Logger
    ) async throws(APIError) -> PagingOutcome {
        var logger = logger
        logger[metadataKey: "page.window"] = "\(window)"
        let pageSize = configuration.pageSize
        var seen = Set<String>()
        var rejected = 0
        var records = 0
        var total: Int?
        var firstIds = Set<String>()
        var number = 1
        while true {
            let known = paging.stream(streamId)
            let offset = known.model == .offset ? (number - 1) * pageSize : 0
            let context = PageContext(streamId: streamId, window: window, page: number, offset: offset)
            guard collector.markRequested(context) else {
                return .split(parts: [], reason: "page \(number) was requested before", total: total, at: context)
            }
            let page: DecodedPage
            do {
                page = try await fetchPage(context, into: &collector, logger: logger)
            } catch  where error.code == .badRequest && offset > 0 {
                // The API pages by offset but refuses this one: the previous offset is its cap.
                logger.info(
                    "qai.paging.learned",
                    metadata: ["stream.id": "\(streamId)", "paging.max_offset": "\(offset - pageSize)"])
                return capped(window, streamId: streamId, answered: offset - pageSize, total: total, at: context)
            }
            collector.count(\.pages)
            if number == 1, let accepted, (page.totalResults ?? Int.max) > accepted,
                !isLastPage(page, number: 1, records: page.resultCount, total: page.totalResults, limit: pageSize)
            {
                return .tooDense(total: page.totalResults)
            }
            let ids = Set(page.conversations.map(\.conversationId))
            if number > 1, offset == 0, !ids.isEmpty, ids == firstIds {
                // Page 2 or later came back as page 1: the API ignores `page`. Ask again by offset
                // (another window of the stream may have learned it a moment ago).
                if paging.learnOffsetPaging(streamId) {
                    logger.info(
                        "qai.paging.learned", metadata: ["stream.id": "\(streamId)", "paging.model": "offset"])
                }
                if paging.stream(streamId).model == .offset { continue }
            }
            if number == 1 { firstIds = ids }
            collector.add(page)
            if number == 1 { total = page.totalResults }
            let threshold = min(
                configuration.splitThreshold, paging.capacity(streamId, pageSize: pageSize) ?? Int.max)
            if number == 1, let total, total > threshold, window.seconds > 1 {
                let needed = (total + threshold - 1) / threshold
                let parts = window.parts(min(needed, Self.maximumSplitParts))
                let reason =
                    threshold < configuration.splitThreshold
                    ? "totalResults \(total) is more than paging by offset reaches (\(threshold))"
                    : "totalResults \(total) is over the split threshold"
                return .split(parts: parts, reason: reason, total: total, at: context)
            }
            if !ids.isEmpty, ids.isSubset(of: seen) {
                return misbehaving(window, "page \(number) repeats earlier pages", total: total, at: context)
            }
            seen.formUnion(ids)
            rejected += page.rejections.count
            records += page.resultCount
            if isLastPage(page, number: number, records: records, total: total, limit: pageSize) {
                return .complete(received: seen.count + rejected, records: records, total: total)
            }
            if let total, records >= total + pageSize {
                return misbehaving(window, "paging runs past totalResults \(total)", total: total, at: context)
            }
            // Only a vendor that invents records pages this deep: without a total, or in one second
            // (a longer window with a large total was split after page 1).
            if records >= configuration.splitThreshold, total == nil || window.seconds == 1 {
                let reason = total == nil ? "no totalResults and paging deep" : "paging deep in a one-second window"
                return misbehaving(window, reason, total: total, at: context)
            }
            number += 1
        }
    }

    /// Most parts one split makes. A part whose own `totalResults` is still over the threshold is
    /// split again, so a true large total costs a few more first pages, while a `totalResults`
    /// that lies (say 10^15 for a day) cannot turn one window into 86,400 one-second requests.
    static let maximumSplitParts = 16

    private func isLastPage(_ page: DecodedPage, number: Int, records: Int, total: Int?, limit: Int) -> Bool {
        if page.resultCount == 0 || page.resultCount < limit || page.hasMore == false { return true }
        if let totalPages = page.totalPages, number >= totalPages { return true }
        if let total, records >= total, page.hasMore != true { return true }
        return false
    }

    /// `window` cut into parts that each fit within the offsets the API answers, once it refused
    /// one past `answered`.
    private func capped(
        _ window: TimeWindow, streamId: String, answered: Int, total: Int?, at context: PageContext
    ) -> PagingOutcome {
        paging.learnMaxOffset(streamId, answered: answered)
        let capacity = paging.capacity(streamId, pageSize: configuration.pageSize) ?? configuration.pageSize
        let needed = max(2, ((total ?? 0) + capacity - 1) / capacity)
        let parts = window.seconds > 1 ? window.parts(min(needed, Self.maximumSplitParts)) : []
        return .split(parts: parts, reason: "the API refuses offsets over \(answered)", total: total, at: context)
    }

    private func misbehaving(_ window: TimeWindow, _ reason: String, total: Int?, at context: PageContext)
        -> PagingOutcome
    {
        guard let (first, second) = window.halves() else {
            return .split(parts: [], reason: reason, total: total, at: context)
        }
        return .split(parts: [first, second], reason: reason, total: total, at: context)
    }
}

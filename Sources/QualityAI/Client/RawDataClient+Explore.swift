import Logging

extension RawDataClient {
    /// Fetches every record of `window` like `fetchWindow(streamId:window:)`, unless its first
    /// page announces more than `accepted` records: then it stops after that one request and
    /// returns `.tooDense`, so the caller can cut a wide window where the data is dense. A window
    /// it accepts is paged from the page it already has (no request is repeated).
    public func fetchWindow(streamId: String, window: TimeWindow, accepting accepted: Int) async throws(APIError)
        -> WindowFetch
    {
        try await fetch(window, streamId: streamId, accepting: accepted)
    }

    /// Fetches `window`, taking it whole unless `accepted` is given and its first page exceeds it.
    func fetch(_ window: TimeWindow, streamId: String, accepting accepted: Int?) async throws(APIError)
        -> WindowFetch
    {
        var logger = self.logger
        logger[metadataKey: "stream.id"] = "\(streamId)"
        logger[metadataKey: "window.start"] = "\(window.startText)"
        logger[metadataKey: "window.end"] = "\(window.endText)"
        var collector = WindowCollector(shared: statistics)
        let outcome = try await page(
            window, streamId: streamId, accepting: accepted, into: &collector, logger: logger)
        if case .tooDense(let total) = outcome {
            logger.debug(
                "qai.window.too_dense", metadata: ["window.total": "\(total.map(String.init) ?? "-")"])
            return .tooDense(totalResults: total)
        }
        let total = try await resolve(
            outcome, of: window, streamId: streamId, mayRepair: true, into: &collector, logger: logger)
        let result = collector.result(streamId: streamId, window: window, totalResults: total)
        logger.debug(
            "qai.window.fetched",
            metadata: [
                "window.conversations": "\(result.conversations.count)",
                "window.rejections": "\(result.rejections.count)", "window.requests": "\(result.statistics.requests)",
                "window.splits": "\(result.statistics.splits)",
            ])
        return .complete(result)
    }
}

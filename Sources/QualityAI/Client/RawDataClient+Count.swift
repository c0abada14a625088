import Logging

extension RawDataClient {
    /// How many records the API holds for `window` of `streamId`: one request for page 1 with
    /// `limit=1`, reading the envelope's `totalResults` (paced, retried and counted like every other
    /// request). Throws `.invalidResponse` naming the page when the answer has no `totalResults`.
    public func countWindow(streamId: String, window: TimeWindow) async throws(APIError) -> Int {
        var counting = configuration
        counting.pageSize = 1
        let counter = RawDataClient(
            copying: self, configuration: counting)
        var logger = self.logger
        logger[metadataKey: "stream.id"] = "\(streamId)"
        logger[metadataKey: "window.start"] = "\(window.startText)"
        logger[metadataKey: "window.end"] = "\(window.endText)"
        var collector = WindowCollector(shared: statistics)
        let context = PageContext(streamId: streamId, window: window, page: 1)
        let page = try await counter.fetchPage(context, into: &collector, logger: logger)
        guard let total = page.totalResults else {
            throw APIError(
                code: .invalidResponse, streamId: streamId, window: window,
                detail: "the answer to a limit=1 request has no numeric totalResults, so the window cannot be counted"
            ).at(context)
        }
        return total
    }

    /// A copy that shares the HTTP client, limiter, tokens, statistics and clock, with other settings.
    init(copying client: RawDataClient, configuration: APIConfiguration) {
        self.httpClient = client.httpClient
        self.paging = client.paging
        self.configuration = configuration
        self.limiter = client.limiter
        self.tokens = client.tokens
        self.statistics = client.statistics
        self.clock = client.clock
        self.logger = client.logger
    }
}

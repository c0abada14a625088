import QualityAI

extension WindowStatistics {
    /// The requests, retries and 429s counted since `earlier` (a snapshot of the same client).
    func minus(_ earlier: WindowStatistics) -> WindowStatistics {
        var difference = WindowStatistics()
        difference.requests = requests - earlier.requests
        difference.retries = retries - earlier.retries
        difference.rateLimited = rateLimited - earlier.rateLimited
        difference.pages = pages - earlier.pages
        return difference
    }
}

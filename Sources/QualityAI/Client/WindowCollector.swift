/// The state of one `fetchWindow` call: conversations by id (last copy wins, first-seen order),
/// rejections, the pages already requested, and the running figures.
struct WindowCollector {
    private var order: [String] = []
    private var byId: [String: Conversation] = [:]
    private(set) var rejections: [RejectedRecord] = []
    private var requested: Set<PageContext> = []
    var statistics = WindowStatistics()
    let shared: ClientStatistics

    init(shared: ClientStatistics) { self.shared = shared }

    /// Adds a page's records; a repeated id replaces the earlier copy in place.
    mutating func add(_ page: DecodedPage) {
        for conversation in page.conversations {
            if byId.updateValue(conversation, forKey: conversation.conversationId) == nil {
                order.append(conversation.conversationId)
            }
        }
        rejections += page.rejections
    }

    /// Forgets the rejections that paging `window` itself produced, before its parts or halves are
    /// fetched: they deliver the same records, which would otherwise be quarantined twice.
    mutating func dropRejections(pagedIn window: TimeWindow) {
        rejections.removeAll { $0.context.window == window }
    }

    /// Marks a page as requested; false when it was requested before in this call.
    mutating func markRequested(_ context: PageContext) -> Bool { requested.insert(context).inserted }

    /// Adds one to a figure here and in the client's running totals.
    mutating func count(_ figure: WritableKeyPath<WindowStatistics, Int>, by amount: Int = 1) {
        statistics[keyPath: figure] += amount
        shared.record { $0[keyPath: figure] += amount }
    }

    /// Adds time spent waiting for the rate limiter.
    mutating func addThrottled(_ wait: Duration) {
        statistics.throttled += wait
        shared.record { $0.throttled += wait }
    }

    func result(streamId: String, window: TimeWindow, totalResults: Int?) -> WindowResult {
        WindowResult(
            streamId: streamId, window: window, conversations: order.map { byId[$0]! }, rejections: rejections,
            totalResults: totalResults, statistics: statistics)
    }
}

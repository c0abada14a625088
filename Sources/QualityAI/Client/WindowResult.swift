/// Everything one window of one stream returned.
public struct WindowResult: Sendable {
    /// The stream fetched.
    public var streamId: String
    /// The window fetched.
    public var window: TimeWindow
    /// Distinct conversations in first-seen order; when an id came twice, the last copy is kept.
    public var conversations: [Conversation]
    /// Records that could not be used, to be quarantined.
    public var rejections: [RejectedRecord]
    /// `totalResults` of the window's first page, when the vendor sent it.
    public var totalResults: Int?
    /// What fetching the window cost.
    public var statistics: WindowStatistics

    public init(
        streamId: String, window: TimeWindow, conversations: [Conversation], rejections: [RejectedRecord],
        totalResults: Int?, statistics: WindowStatistics
    ) {
        self.streamId = streamId
        self.window = window
        self.conversations = conversations
        self.rejections = rejections
        self.totalResults = totalResults
        self.statistics = statistics
    }
}

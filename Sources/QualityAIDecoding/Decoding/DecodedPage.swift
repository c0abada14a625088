/// One decoded response page: its usable records, its rejected records and its paging envelope.
public struct DecodedPage: Sendable {
    /// Usable records, in page order.
    public var conversations: [Conversation]
    /// Records that could not be used, with the reason.
    public var rejections: [RejectedRecord]
    /// Number of entries in `results` (usable plus rejected).
    public var resultCount: Int
    /// `totalResults` of the envelope, when present and numeric.
    public var totalResults: Int?
    /// `totalPages` of the envelope, when present and numeric.
    public var totalPages: Int?
    /// `hasMore` of the envelope, when present and boolean-like.
    public var hasMore: Bool?

    public init(
        conversations: [Conversation] = [], rejections: [RejectedRecord] = [], resultCount: Int = 0,
        totalResults: Int? = nil, totalPages: Int? = nil, hasMore: Bool? = nil
    ) {
        self.conversations = conversations
        self.rejections = rejections
        self.resultCount = resultCount
        self.totalResults = totalResults
        self.totalPages = totalPages
        self.hasMore = hasMore
    }
}

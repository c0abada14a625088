/// Where a page of results came from: used to name the stream, window and page in errors and
/// in quarantined records.
public struct PageContext: Sendable, Hashable, CustomStringConvertible {
    /// The stream (bot/app) id the page was requested for.
    public var streamId: String
    /// The requested time window.
    public var window: TimeWindow
    /// The 1-based page number within the window.
    public var page: Int
    /// The `offset` sent for the page: 0 while the API follows `page`; `(page - 1) * limit`, with
    /// `page` 1, for an API that honours only `offset` (see ``PagingKnowledge``).
    public var offset: Int

    public init(streamId: String, window: TimeWindow, page: Int, offset: Int = 0) {
        self.streamId = streamId
        self.window = window
        self.page = page
        self.offset = offset
    }

    public var description: String {
        "stream \(streamId), window \(window), page \(page)" + (offset > 0 ? " (offset \(offset))" : "")
    }
}

/// Where a page of results came from: used to name the stream, window and page in errors and
/// in quarantined records.
public struct PageContext: Sendable, Hashable, CustomStringConvertible {
    /// The stream (bot/app) id the page was requested for.
    public var streamId: String
    /// The requested time window.
    public var window: TimeWindow
    /// The 1-based page number within the window.
    public var page: Int

    public init(streamId: String, window: TimeWindow, page: Int) {
        self.streamId = streamId
        self.window = window
        self.page = page
    }

    public var description: String { "stream \(streamId), window \(window), page \(page)" }
}

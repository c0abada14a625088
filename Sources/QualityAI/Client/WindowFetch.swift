/// What fetching a window that may be too dense to take whole returned.
public enum WindowFetch: Sendable {
    /// Every record of the window.
    case complete(WindowResult)
    /// The window's first page announced more records than were accepted (`totalResults`, nil
    /// when the vendor sent none but had more pages); nothing of it was kept, and the caller
    /// cuts the window and fetches the parts instead. The one request it cost is counted.
    case tooDense(totalResults: Int?)
}

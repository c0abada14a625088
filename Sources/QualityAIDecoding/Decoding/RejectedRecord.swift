/// A record of a page that could not be used (not an object, no conversation id), kept so that
/// the loader can quarantine it instead of dropping it silently.
public struct RejectedRecord: Sendable, Hashable {
    /// Where the page came from.
    public var context: PageContext
    /// 0-based position of the record in the page's `results`.
    public var index: Int
    /// Why the record was rejected, e.g. `record 3 has no conversation id (...)`.
    public var reason: String
    /// The record's JSON text, cut to `RejectedRecord.maximumRawBytes` bytes.
    public var raw: String

    /// Longest `raw` kept, in UTF-8 bytes.
    public static let maximumRawBytes = 64 * 1024

    public init(context: PageContext, index: Int, reason: String, raw: String) {
        self.context = context
        self.index = index
        self.reason = reason
        self.raw = raw
    }
}

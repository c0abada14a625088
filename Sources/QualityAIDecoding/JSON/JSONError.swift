/// A JSON text that could not be parsed, with the byte offset where parsing stopped.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, e.g. "unexpected end of input".
    public var reason: String
    /// Byte offset into the input where the problem was found.
    public var offset: Int

    public init(_ reason: String, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

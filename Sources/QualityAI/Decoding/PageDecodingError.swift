/// A response page whose envelope is unusable: not JSON, not an object, or without `results`.
public struct PageDecodingError: Error, Sendable, CustomStringConvertible {
    /// The page that failed.
    public var context: PageContext
    /// What was wrong with it.
    public var reason: String
    /// The first bytes of the body, printable, with anything that looks like a token redacted.
    public var bodySnippet: String

    public init(context: PageContext, reason: String, body: [UInt8]) {
        self.context = context
        self.reason = reason
        self.bodySnippet = BodySnippet.make(body)
    }

    public var description: String {
        "could not decode \(context): \(reason); the body starts with: \(bodySnippet)"
            + " (check the API base URL and path prefix, or retry later if the vendor is failing)"
    }
}

/// A response page whose envelope is unusable: not JSON, not an object, or without `results`.
public struct PageDecodingError: Error, Sendable, CustomStringConvertible {
    /// What kind of body it was, for callers that branch (e.g. retry a rate-limit message).
    public enum Kind: Sendable, Hashable {
        /// Not valid JSON (including truncated bodies).
        case notJSON
        /// An HTML page (a proxy, login or error page).
        case html
        /// The vendor's rate-limit message instead of data.
        case rateLimitMessage
        /// Valid JSON whose top level is not an object.
        case notAnObject
        /// A JSON object without a `results` array (typically a vendor error body).
        case noResults
    }

    /// The page that failed.
    public var context: PageContext
    /// What kind of body it was.
    public var kind: Kind
    /// What was wrong with it.
    public var reason: String
    /// The first bytes of the body, printable, with anything that looks like a token redacted.
    public var bodySnippet: String

    public init(context: PageContext, kind: Kind, reason: String, body: [UInt8]) {
        self.context = context
        self.kind = kind
        self.reason = reason
        self.bodySnippet = BodySnippet.make(body)
    }

    public var description: String {
        let advice: String
        switch kind {
        case .rateLimitMessage: advice = "lower the request rate (QAI_REQUESTS_PER_MINUTE) and retry later"
        case .html, .notJSON: advice = "check the API base URL and path prefix, or retry later if the vendor is failing"
        case .notAnObject, .noResults: advice = "check the stream id and credentials; the vendor answered without data"
        }
        return "could not decode \(context): \(reason); the body starts with: \(bodySnippet) (\(advice))"
    }
}

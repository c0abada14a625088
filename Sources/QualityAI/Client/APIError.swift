/// A failed extract: what went wrong (``code``), where (stream, window, page), and what the
/// vendor said. Its descriptions say what to do and never contain the JWT or the client secret.
public struct APIError: Error, Sendable {
    /// The kind of failure; an open set of static members so new kinds don't break callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable {
            case unauthorized, forbidden, badRequest, streamNotFound, unexpectedStatus
            case rateLimited, server, transport, tls, timeout, invalidResponse, responseTooLarge
            case stuckPaging, incompleteWindow, configuration, cancelled
        }

        fileprivate let base: Base
        fileprivate init(_ base: Base) { self.base = base }

        /// HTTP 401: the token was refused.
        public static let unauthorized = Code(.unauthorized)
        /// HTTP 403: the token is valid but lacks the scope.
        public static let forbidden = Code(.forbidden)
        /// HTTP 400: the vendor rejected the request.
        public static let badRequest = Code(.badRequest)
        /// HTTP 404: the stream id (or the path) is unknown.
        public static let streamNotFound = Code(.streamNotFound)
        /// Another 4xx (405 wrong method, 409, 422, ...): not retried.
        public static let unexpectedStatus = Code(.unexpectedStatus)
        /// HTTP 429 or a rate-limit message, still so after the last attempt.
        public static let rateLimited = Code(.rateLimited)
        /// HTTP 5xx after the last attempt.
        public static let server = Code(.server)
        /// The connection failed after the last attempt.
        public static let transport = Code(.transport)
        /// The TLS handshake failed: the API's certificate is not trusted or names another host. Not
        /// retried: the same certificate comes back.
        public static let tls = Code(.tls)
        /// The request's deadline passed after the last attempt.
        public static let timeout = Code(.timeout)
        /// A 2xx body that is not a page (truncated or invalid JSON), after the last attempt.
        public static let invalidResponse = Code(.invalidResponse)
        /// The body exceeded the configured size cap.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// Paging repeats even in a one-second window.
        public static let stuckPaging = Code(.stuckPaging)
        /// A window's records do not add up to its `totalResults`, even after splitting.
        public static let incompleteWindow = Code(.incompleteWindow)
        /// A setting is missing or malformed.
        public static let configuration = Code(.configuration)
        /// The task was cancelled.
        public static let cancelled = Code(.cancelled)

        public var description: String { base.rawValue }

        /// Whether a request that failed this way may succeed when sent again.
        public var isRetryable: Bool {
            switch base {
            case .rateLimited, .server, .transport, .timeout, .invalidResponse: true
            default: false
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// The stream the request was for.
    public var streamId: String?
    /// The time window the request was for.
    public var window: TimeWindow?
    /// The page number the request was for.
    public var page: Int?
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The vendor's own message from the body (e.g. `Invalid SDK credentials`).
    public var vendorMessage: String?
    /// The start of the body (capped, with secrets removed), for reports.
    public var bodySnippet: String?
    /// For `.configuration`: the setting at fault.
    public var setting: String?
    /// Further detail: the problem with a setting, the transport error, the decoding error.
    public var detail: String?
    /// Attempts made for the failing request.
    public var attempts: Int?
    /// The server's `Retry-After`, when it sent one.
    public var retryAfter: Duration?

    public init(
        code: Code, streamId: String? = nil, window: TimeWindow? = nil, page: Int? = nil, status: Int? = nil,
        vendorMessage: String? = nil, bodySnippet: String? = nil, setting: String? = nil, detail: String? = nil,
        attempts: Int? = nil, retryAfter: Duration? = nil
    ) {
        self.code = code
        self.streamId = streamId
        self.window = window
        self.page = page
        self.status = status
        self.vendorMessage = vendorMessage
        self.bodySnippet = bodySnippet
        self.setting = setting
        self.detail = detail
        self.attempts = attempts
        self.retryAfter = retryAfter
    }

    /// A `.configuration` error naming the setting and the valid form.
    public static func configuration(setting: String, problem: String) -> APIError {
        APIError(code: .configuration, setting: setting, detail: problem)
    }

    /// Whether the failed request may succeed when sent again.
    public var isRetryable: Bool { code.isRetryable }

    /// The same error with its context filled in where it is missing.
    func at(_ context: PageContext) -> APIError {
        var copy = self
        copy.streamId = copy.streamId ?? context.streamId
        copy.window = copy.window ?? context.window
        copy.page = copy.page ?? context.page
        return copy
    }
}

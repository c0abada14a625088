/// Everything the raw data client needs to reach one vendor account: where, who, and how fast.
///
/// Build it once (the command line does, from flags, environment and file), call ``validate()``,
/// and pass it down. Its descriptions never show the JWT or the client secret.
public struct APIConfiguration: Sendable {
    /// The current path prefix; a 2024 version of the vendor docs used `/agentassist/api/v1/...`.
    public static let defaultPathPrefix = "/qualityai/api/v1/public/qualitymanagement/app"
    /// The largest page the vendor serves.
    public static let maximumPageSize = 100

    /// Scheme and host (and optional port), e.g. `https://platform.kore.ai`.
    public var baseURL: String
    /// Path between the host and `/{streamId}/rawdata`.
    public var pathPrefix: String
    /// The stream (bot/app) ids to extract.
    public var streamIds: [String]
    /// Sent as the `accountId` header; the rate limit is per account.
    public var accountId: String
    /// Sent as the `orgId` header.
    public var orgId: String
    /// A ready JWT or client credentials.
    public var credentials: APICredentials
    /// Request budget per sliding minute for the whole account; `0` means unlimited.
    public var requestsPerMinute: Int
    /// Records per page, `1...100`.
    public var pageSize: Int
    /// Sends `include_below_threshold`, so short contacts are not silently left out.
    public var includeBelowThreshold: Bool
    /// Optional `contact_direction` filter (`inbound` or `outbound`).
    public var contactDirection: String?
    /// Optional `custom_fields` filter; omitted from the request when empty.
    public var customFields: [String: String]
    /// Deadline of one HTTP request, from sending to the last byte of the body.
    public var requestTimeout: Duration
    /// Attempts per request, the first one included.
    public var maxAttempts: Int
    /// Base of the exponential retry backoff.
    public var retryBaseDelay: Duration
    /// Largest backoff between two attempts (a server's `Retry-After` may ask for more).
    public var retryMaxDelay: Duration
    /// A window whose `totalResults` exceeds this is split by time before paging deep.
    public var splitThreshold: Int
    /// Largest response body accepted, in bytes.
    public var maxBodyBytes: Int

    public init(
        baseURL: String = "https://platform.kore.ai",
        pathPrefix: String = APIConfiguration.defaultPathPrefix,
        streamIds: [String] = [],
        accountId: String = "",
        orgId: String = "",
        credentials: APICredentials = .jwt(""),
        requestsPerMinute: Int = 60,
        pageSize: Int = APIConfiguration.maximumPageSize,
        includeBelowThreshold: Bool = true,
        contactDirection: String? = nil,
        customFields: [String: String] = [:],
        requestTimeout: Duration = .seconds(60),
        maxAttempts: Int = 6,
        retryBaseDelay: Duration = .milliseconds(500),
        retryMaxDelay: Duration = .seconds(30),
        splitThreshold: Int = 1_000,
        maxBodyBytes: Int = 64 << 20
    ) {
        self.baseURL = baseURL
        self.pathPrefix = pathPrefix
        self.streamIds = streamIds
        self.accountId = accountId
        self.orgId = orgId
        self.credentials = credentials
        self.requestsPerMinute = requestsPerMinute
        self.pageSize = pageSize
        self.includeBelowThreshold = includeBelowThreshold
        self.contactDirection = contactDirection
        self.customFields = customFields
        self.requestTimeout = requestTimeout
        self.maxAttempts = maxAttempts
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.splitThreshold = splitThreshold
        self.maxBodyBytes = maxBodyBytes
    }

    /// The retry policy these settings describe.
    public var retryPolicy: RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, baseDelay: retryBaseDelay, maxDelay: retryMaxDelay)
    }
}

extension APIConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "APIConfiguration(baseURL: \(baseURL), pathPrefix: \(pathPrefix), streamIds: \(streamIds), "
            + "accountId: \(accountId), orgId: \(orgId), credentials: \(credentials), "
            + "requestsPerMinute: \(requestsPerMinute), pageSize: \(pageSize), "
            + "includeBelowThreshold: \(includeBelowThreshold), contactDirection: \(contactDirection ?? "any"), "
            + "customFields: \(customFields.count), requestTimeout: \(requestTimeout), maxAttempts: \(maxAttempts), "
            + "splitThreshold: \(splitThreshold))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}

/// Faults the mock injects into raw data requests, counted from the last time faults were set or
/// statistics reset. "Every K-th" uses the 1-based number of that raw data request; 0 turns a
/// fault off. When several fire on one request the first in this order wins: dropped connection,
/// 429, rate-limit body, 5xx, HTML page, truncated body. Encoded as JSON with these field names;
/// missing fields take their defaults.
public struct FaultConfiguration: Sendable, Hashable, Codable {
    /// How the mock combines a request's `offset` and `page` into the first result it serves (the
    /// vendor's docs do not say).
    public enum PagingModel: String, Sendable, Hashable, Codable, CaseIterable {
        /// `offset + (page - 1) * limit`.
        case additive
        /// `(page - 1) * limit`: `offset` is ignored.
        case page
        /// `offset`: `page` is ignored.
        case offset
        /// A non-zero `offset` wins, else `(page - 1) * limit`.
        case mixed
    }

    /// How a 429 says when to retry.
    public enum RetryAfter: String, Sendable, Hashable, Codable {
        case seconds
        case httpDate
        case none
    }

    /// Answer 429 to every K-th request.
    public var rateLimitEvery: Int
    public var retryAfter: RetryAfter
    public var retryAfterSeconds: Int
    /// Answer every K-th request with the vendor's rate-limit message in a body of another status.
    public var rateLimitBodyEvery: Int
    /// Status of those answers (200 or 503 are the interesting ones).
    public var rateLimitBodyStatus: Int
    /// Fraction (0...1) of requests answered 500/502/503/504, chosen by the seed.
    public var serverErrorRate: Double
    /// A 200 whose JSON body is cut in half, every K-th request.
    public var truncatedBodyEvery: Int
    /// A 200 with an HTML error page, every K-th request.
    public var htmlErrorEvery: Int
    /// Close the connection half way through the body, every K-th request.
    public var dropConnectionEvery: Int
    /// Delay before every raw data answer.
    public var delayMilliseconds: Int
    /// Every page after the first repeats the first.
    public var stuckPaging: Bool
    /// How `offset` and `page` combine (not a fault: a vendor behaviour the docs leave open).
    public var pagingModel: PagingModel
    /// Answer 400 to a request whose `offset` is over this (one version of the docs caps it at
    /// 100); nil: no cap.
    public var maxOffset: Int?
    /// A real limiter: 429 once this many requests were admitted in the trailing 60 s (0 = none).
    public var requestsPerMinute: Int
    /// The trailing window of that limiter, in milliseconds (60,000: a minute; tests shorten it).
    public var rateWindowMilliseconds: Int
    /// Serve every K-th conversation of a stream (its 1-based position in the stream's time order)
    /// without a conversation id: the id key and `src` are left out. Keyed on the record, not the
    /// request, so retries see the same records; `/mock/truth` lists them in `servedWithoutId`.
    public var missingIdEvery: Int
    /// At most this many injected faults in a row for one request (same stream and body); the next
    /// attempt of that request is served without one. The real limiter (`requestsPerMinute`) is not
    /// bounded by it. 0 = no bound. Lets a test inject many faults without ever exhausting the
    /// client's attempts, whatever order concurrent requests arrive in.
    public var maxFaultsInARow: Int

    public init(
        rateLimitEvery: Int = 0,
        retryAfter: RetryAfter = .seconds,
        retryAfterSeconds: Int = 1,
        rateLimitBodyEvery: Int = 0,
        rateLimitBodyStatus: Int = 503,
        serverErrorRate: Double = 0,
        truncatedBodyEvery: Int = 0,
        htmlErrorEvery: Int = 0,
        dropConnectionEvery: Int = 0,
        delayMilliseconds: Int = 0,
        stuckPaging: Bool = false,
        pagingModel: PagingModel = .additive,
        maxOffset: Int? = nil,
        requestsPerMinute: Int = 0,
        rateWindowMilliseconds: Int = 60_000,
        missingIdEvery: Int = 0,
        maxFaultsInARow: Int = 0
    ) {
        self.rateLimitEvery = rateLimitEvery
        self.retryAfter = retryAfter
        self.retryAfterSeconds = retryAfterSeconds
        self.rateLimitBodyEvery = rateLimitBodyEvery
        self.rateLimitBodyStatus = rateLimitBodyStatus
        self.serverErrorRate = serverErrorRate
        self.truncatedBodyEvery = truncatedBodyEvery
        self.htmlErrorEvery = htmlErrorEvery
        self.dropConnectionEvery = dropConnectionEvery
        self.delayMilliseconds = delayMilliseconds
        self.stuckPaging = stuckPaging
        self.pagingModel = pagingModel
        self.maxOffset = maxOffset
        self.requestsPerMinute = requestsPerMinute
        self.rateWindowMilliseconds = rateWindowMilliseconds
        self.missingIdEvery = missingIdEvery
        self.maxFaultsInARow = maxFaultsInARow
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FaultConfiguration()
        rateLimitEvery = try c.decodeIfPresent(Int.self, forKey: .rateLimitEvery) ?? defaults.rateLimitEvery
        retryAfter = try c.decodeIfPresent(RetryAfter.self, forKey: .retryAfter) ?? defaults.retryAfter
        retryAfterSeconds = try c.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? defaults.retryAfterSeconds
        rateLimitBodyEvery = try c.decodeIfPresent(Int.self, forKey: .rateLimitBodyEvery) ?? defaults.rateLimitBodyEvery
        rateLimitBodyStatus =
            try c.decodeIfPresent(Int.self, forKey: .rateLimitBodyStatus) ?? defaults.rateLimitBodyStatus
        serverErrorRate = try c.decodeIfPresent(Double.self, forKey: .serverErrorRate) ?? defaults.serverErrorRate
        truncatedBodyEvery = try c.decodeIfPresent(Int.self, forKey: .truncatedBodyEvery) ?? defaults.truncatedBodyEvery
        htmlErrorEvery = try c.decodeIfPresent(Int.self, forKey: .htmlErrorEvery) ?? defaults.htmlErrorEvery
        dropConnectionEvery =
            try c.decodeIfPresent(Int.self, forKey: .dropConnectionEvery) ?? defaults.dropConnectionEvery
        delayMilliseconds = try c.decodeIfPresent(Int.self, forKey: .delayMilliseconds) ?? defaults.delayMilliseconds
        stuckPaging = try c.decodeIfPresent(Bool.self, forKey: .stuckPaging) ?? defaults.stuckPaging
        pagingModel = try c.decodeIfPresent(PagingModel.self, forKey: .pagingModel) ?? defaults.pagingModel
        maxOffset = try c.decodeIfPresent(Int.self, forKey: .maxOffset) ?? defaults.maxOffset
        requestsPerMinute = try c.decodeIfPresent(Int.self, forKey: .requestsPerMinute) ?? defaults.requestsPerMinute
        rateWindowMilliseconds =
            try c.decodeIfPresent(Int.self, forKey: .rateWindowMilliseconds) ?? defaults.rateWindowMilliseconds
        missingIdEvery = try c.decodeIfPresent(Int.self, forKey: .missingIdEvery) ?? defaults.missingIdEvery
        maxFaultsInARow = try c.decodeIfPresent(Int.self, forKey: .maxFaultsInARow) ?? defaults.maxFaultsInARow
    }

    /// Whether the conversation at a 0-based serving position is served without its id.
    func servesWithoutId(position: Int) -> Bool {
        missingIdEvery > 0 && (position + 1) % missingIdEvery == 0
    }
}

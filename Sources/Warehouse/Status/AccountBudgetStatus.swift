/// One API account's request budget as the warehouse shares it (`etl_account_request`,
/// `etl_account_budget`): requests counted in the trailing minute by every process of the account,
/// and the pause a 429 set.
public struct AccountBudgetStatus: Sendable, Encodable, Equatable {
    public var accountId: String
    /// Requests that count against the budget, all processes: in flight, or completed in the last
    /// 60.5 s (the budget's window).
    public var requestsInWindow: Int
    /// When the processes of the account were last told to wait until (epoch seconds), if ever.
    public var pausedUntil: Int64?
    /// Whether that pause is still in force.
    public var paused: Bool
    /// Why it was paused (the rate-limited response).
    public var pauseReason: String?

    public init(
        accountId: String, requestsInWindow: Int, pausedUntil: Int64? = nil, paused: Bool = false,
        pauseReason: String? = nil
    ) {
        self.accountId = accountId
        self.requestsInWindow = requestsInWindow
        self.pausedUntil = pausedUntil
        self.paused = paused
        self.pauseReason = pauseReason
    }

    enum CodingKeys: String, CodingKey {
        case accountId = "account_id", requestsInWindow = "requests_in_window", pausedUntil = "paused_until"
        case paused, pauseReason = "pause_reason"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountId, forKey: .accountId)
        try container.encode(requestsInWindow, forKey: .requestsInWindow)
        try container.encode(pausedUntil.map(StatusTime.iso), forKey: .pausedUntil)
        try container.encode(paused, forKey: .paused)
        try container.encode(pauseReason, forKey: .pauseReason)
    }
}

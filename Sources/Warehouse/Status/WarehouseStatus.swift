/// What `qai-loader status` reports: recent runs, each stream's position and lag, lookback
/// coverage, counts and rejected records. Encodes to the documented `status --json` shape: every
/// key is always present (null when unknown), times are ISO 8601 UTC strings, durations seconds.
public struct WarehouseStatus: Sendable, Encodable {
    /// The warehouse schema.
    public var schema: String
    /// Highest applied migration.
    public var schemaVersion: Int
    /// When the report was made, epoch seconds.
    public var generatedAt: Int64
    /// The most recent runs, newest first.
    public var runs: [RunStatus]
    /// Runs recorded as `running`, with whether their process is still alive.
    public var running: [RunStatus]
    /// One entry per stream known to the warehouse, by stream id.
    public var streams: [StreamStatus]
    /// Conversations in the warehouse, all streams.
    public var conversations: ConversationCounts
    /// Records quarantined by the runs in `runs`.
    public var rejected: RejectedSummary
    /// Each API account's request budget shared through the warehouse, by account id.
    public var budgets: [AccountBudgetStatus] = []

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", generatedAt = "generated_at", runs, running, streams
        case conversations, rejected, budgets
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(StatusTime.iso(generatedAt), forKey: .generatedAt)
        try container.encode(runs, forKey: .runs)
        try container.encode(running, forKey: .running)
        try container.encode(streams, forKey: .streams)
        try container.encode(conversations, forKey: .conversations)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(budgets, forKey: .budgets)
    }
}

/// Conversation counts, total and by `audit_status` (`none` for conversations without one).
public struct ConversationCounts: Sendable, Encodable, Equatable {
    public var total: Int
    public var byAuditStatus: [String: Int]

    public init(total: Int = 0, byAuditStatus: [String: Int] = [:]) {
        self.total = total
        self.byAuditStatus = byAuditStatus
    }

    enum CodingKeys: String, CodingKey {
        case total, byAuditStatus = "by_audit_status"
    }

    /// Adds `count` conversations of `auditStatus`.
    mutating func add(_ count: Int, auditStatus: String?) {
        total += count
        byAuditStatus[auditStatus ?? "none", default: 0] += count
    }
}

/// Records quarantined in `etl_rejected` by the reported runs, grouped by reason.
public struct RejectedSummary: Sendable, Encodable {
    /// One reason and how many records it rejected.
    public struct Reason: Sendable, Encodable, Equatable {
        public var reason: String
        public var count: Int
    }

    /// Ids of the runs whose rejections are counted.
    public var runIds: [Int64]
    public var total: Int
    /// The most frequent reasons first (at most 20).
    public var reasons: [Reason]

    enum CodingKeys: String, CodingKey {
        case runIds = "run_ids", total, reasons
    }
}

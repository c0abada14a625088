/// One stream's position, lag, lookback coverage and counts.
public struct StreamStatus: Sendable, Encodable, Equatable {
    public var streamId: String
    /// New data is loaded without gaps up to here (exclusive), epoch seconds; nil before the first sync.
    public var watermark: Int64?
    /// Report time minus the watermark, seconds.
    public var lagSeconds: Int64?
    /// Where the lookback re-sweep resumes, epoch seconds; nil when no re-sweep is unfinished.
    public var lookbackCursor: Int64?
    /// How much of the trailing lookback window was (re)loaded recently.
    public var lookback: LookbackCoverage?
    /// When a slice of this stream last completed, epoch seconds.
    public var lastSliceCompletedAt: Int64?
    /// Conversations of this stream in the warehouse.
    public var conversations: ConversationCounts

    enum CodingKeys: String, CodingKey {
        case streamId = "stream_id", watermark, lagSeconds = "lag_seconds", lookbackCursor = "lookback_cursor"
        case lookback, lastSliceCompletedAt = "last_slice_completed_at", conversations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamId, forKey: .streamId)
        try container.encode(watermark.map(StatusTime.iso), forKey: .watermark)
        try container.encode(lagSeconds, forKey: .lagSeconds)
        try container.encode(lookbackCursor.map(StatusTime.iso), forKey: .lookbackCursor)
        try container.encode(lookback, forKey: .lookback)
        try container.encode(lastSliceCompletedAt.map(StatusTime.iso), forKey: .lastSliceCompletedAt)
        try container.encode(conversations, forKey: .conversations)
    }
}

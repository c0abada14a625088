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
    /// First loaded second of the stream (nil: nothing loaded).
    public var coveredFrom: Int64?
    /// Where the next `sync` continues new data (the end of the loaded coverage).
    public var coveredTo: Int64?
    /// Holes in the coverage between `coveredFrom` and the newest loaded range.
    public var gaps: [Coverage.Range] = []
    /// The last fetch of each day of the lookback window.
    public var resweep: [DaySweep] = []
    /// How the API pages this stream, when a run had to learn it (`etl_stream_paging`).
    public var paging: StreamPaging.Recorded?

    enum CodingKeys: String, CodingKey {
        case streamId = "stream_id", watermark, lagSeconds = "lag_seconds", lookbackCursor = "lookback_cursor"
        case lookback, lastSliceCompletedAt = "last_slice_completed_at", conversations
        case coveredFrom = "covered_from", coveredTo = "covered_to", gaps, resweep, paging
    }

    enum PagingKeys: String, CodingKey { case model, maxOffset = "max_offset", learnedAt = "learned_at" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamId, forKey: .streamId)
        try container.encode(watermark.map(StatusTime.iso), forKey: .watermark)
        try container.encode(lagSeconds, forKey: .lagSeconds)
        try container.encode(lookbackCursor.map(StatusTime.iso), forKey: .lookbackCursor)
        try container.encode(lookback, forKey: .lookback)
        try container.encode(lastSliceCompletedAt.map(StatusTime.iso), forKey: .lastSliceCompletedAt)
        try container.encode(conversations, forKey: .conversations)
        try container.encode(coveredFrom.map(StatusTime.iso), forKey: .coveredFrom)
        try container.encode(coveredTo.map(StatusTime.iso), forKey: .coveredTo)
        try container.encode(gaps, forKey: .gaps)
        try container.encode(resweep, forKey: .resweep)
        if let paging {
            var nested = container.nestedContainer(keyedBy: PagingKeys.self, forKey: .paging)
            try nested.encode(paging.model, forKey: .model)
            try nested.encode(paging.maxOffset, forKey: .maxOffset)
            try nested.encode(StatusTime.iso(paging.learnedAt), forKey: .learnedAt)
        } else {
            try container.encodeNil(forKey: .paging)
        }
    }
}

/// When one day of the lookback window was last fetched, and why (`etl_slice.reason`).
public struct DaySweep: Sendable, Encodable, Equatable {
    /// First second of the day's slice.
    public var day: Int64
    public var lastSweptAt: Int64
    public var reason: String?

    enum CodingKeys: String, CodingKey { case day, lastSweptAt = "last_swept_at", reason }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(StatusTime.iso(day), forKey: .day)
        try container.encode(StatusTime.iso(lastSweptAt), forKey: .lastSweptAt)
        try container.encode(reason, forKey: .reason)
    }
}

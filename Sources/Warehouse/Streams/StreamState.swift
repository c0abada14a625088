/// What the warehouse keeps about one stream: its `etl_watermark` row, its slices in `etl_slice`
/// and the coverage they make, the last run that touched it, and its conversations.
public struct StreamState: Sendable, Equatable, Encodable {
    /// The last `etl_run` row that loaded a slice of the stream or changed its state.
    public struct LastRun: Sendable, Equatable, Encodable {
        public var runId: Int64
        public var command: RunCommand
        public var status: RunState
        /// Epoch seconds.
        public var startedAt: Int64

        public init(runId: Int64, command: RunCommand, status: RunState, startedAt: Int64) {
            self.runId = runId
            self.command = command
            self.status = status
            self.startedAt = startedAt
        }

        enum CodingKeys: String, CodingKey { case runId = "run_id", command, status, startedAt = "started_at" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(runId, forKey: .runId)
            try container.encode(command, forKey: .command)
            try container.encode(status, forKey: .status)
            try container.encode(StatusTime.iso(startedAt), forKey: .startedAt)
        }
    }

    public var streamId: String
    /// `etl_watermark.watermark`, epoch seconds; nil when the stream has no watermark row.
    public var watermark: Int64?
    /// `etl_watermark.lookback_cursor`, epoch seconds; nil when no re-sweep is unfinished.
    public var lookbackCursor: Int64?
    /// The union of the stream's done slices.
    public var coverage: Coverage
    /// `etl_slice` rows of the stream with status `done`.
    public var doneSlices: Int
    /// `etl_slice` rows of the stream, whatever their status.
    public var slices: Int
    public var lastRun: LastRun?
    /// Rows of `fact_conversation` with this `stream_id`.
    public var conversations: Int

    public init(
        streamId: String, watermark: Int64? = nil, lookbackCursor: Int64? = nil,
        coverage: Coverage = Coverage(ranges: []), doneSlices: Int = 0, slices: Int = 0, lastRun: LastRun? = nil,
        conversations: Int = 0
    ) {
        self.streamId = streamId
        self.watermark = watermark
        self.lookbackCursor = lookbackCursor
        self.coverage = coverage
        self.doneSlices = doneSlices
        self.slices = slices
        self.lastRun = lastRun
        self.conversations = conversations
    }

    /// The first covered second (nil: no done slice).
    public var coveredFrom: Int64? { coverage.start }
    /// The end (exclusive) of the newest covered range.
    public var coveredTo: Int64? { coverage.end }
    /// Holes in the coverage between `coveredFrom` and `coveredTo`.
    public var gaps: Int { coverage.gaps().count }
    /// Where the next `sync` continues new data (`Coverage.resumePoint`, as the sync planner reads it).
    public var resumesAt: Int64? { coverage.resumePoint(watermark: watermark) }

    enum CodingKeys: String, CodingKey {
        case streamId = "stream_id", watermark, lookbackCursor = "lookback_cursor", coveredFrom = "covered_from"
        case coveredTo = "covered_to", gaps, doneSlices = "done_slices", slices, resumesAt = "resumes_at"
        case lastRun = "last_run", conversations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamId, forKey: .streamId)
        try container.encode(watermark.map(StatusTime.iso), forKey: .watermark)
        try container.encode(lookbackCursor.map(StatusTime.iso), forKey: .lookbackCursor)
        try container.encode(coveredFrom.map(StatusTime.iso), forKey: .coveredFrom)
        try container.encode(coveredTo.map(StatusTime.iso), forKey: .coveredTo)
        try container.encode(gaps, forKey: .gaps)
        try container.encode(doneSlices, forKey: .doneSlices)
        try container.encode(slices, forKey: .slices)
        try container.encode(resumesAt.map(StatusTime.iso), forKey: .resumesAt)
        try container.encode(lastRun, forKey: .lastRun)
        try container.encode(conversations, forKey: .conversations)
    }
}

import QualityAI

/// Running totals of a run, overall and per stream, for `etl_run` and the summary.
public struct RunTotals: Sendable {
    /// Per-stream figures.
    public struct Stream: Sendable, Hashable {
        public var fetched = 0
        public var rejected = 0
        public var load = LoadCounts()
        public var slices = 0
    }

    public var streams: [String: Stream] = [:]
    /// Requests, retries and 429s of the run (from the API client).
    public var requests = WindowStatistics()
    /// Database transactions retried after a lock timeout, deadlock or serialization failure.
    public var lockRetries = 0

    public init() {}

    public var fetched: Int { streams.values.reduce(0) { $0 + $1.fetched } }
    public var rejected: Int { streams.values.reduce(0) { $0 + $1.rejected } }
    public var slices: Int { streams.values.reduce(0) { $0 + $1.slices } }
    public var load: LoadCounts { streams.values.reduce(LoadCounts()) { $0 + $1.load } }

    mutating func add(_ result: WindowResult, counts: LoadCounts?) {
        var stream = streams[result.streamId, default: Stream()]
        stream.fetched += result.conversations.count
        stream.rejected += result.rejections.count
        stream.slices += 1
        if let counts { stream.load = stream.load + counts }
        streams[result.streamId] = stream
    }

    /// `{"stream": {"fetched": n, ...}}` for `etl_run.counts`.
    var perStreamJSON: String {
        var text = "{"
        for (index, (name, stream)) in streams.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { text += "," }
            JSONText.appendString(name, to: &text)
            text +=
                ":{\"fetched\":\(stream.fetched),\"inserted\":\(stream.load.inserted),"
                + "\"updated\":\(stream.load.updated),\"unchanged\":\(stream.load.unchanged),"
                + "\"rejected\":\(stream.rejected),\"slices\":\(stream.slices)}"
        }
        return text + "}"
    }
}

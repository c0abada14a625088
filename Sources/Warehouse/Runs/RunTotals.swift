import QualityAI

/// Running totals of a run, overall and per stream, for `etl_run` and the summary.
public struct RunTotals: Sendable {
    /// Per-stream figures.
    public struct Stream: Sendable, Hashable {
        public var fetched = 0
        public var rejected = 0
        public var load = LoadCounts()
        public var slices = 0
        /// Values that could not be read as their type, by field label (see `TypeDrift`).
        public var typeDrift: [String: Int] = [:]
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
    /// Values that could not be read as their type, by field label, all streams.
    public var typeDrift: [String: Int] {
        streams.values.reduce(into: [:]) { $0.merge($1.typeDrift, uniquingKeysWith: +) }
    }

    /// Adds a committed slice: `drift` holds its type drift and the records `--strict-types`
    /// quarantined (counted as rejected).
    mutating func add(_ result: WindowResult, counts: LoadCounts?, drift: TypeDrift = TypeDrift()) {
        var stream = streams[result.streamId, default: Stream()]
        stream.fetched += result.conversations.count
        stream.rejected += result.rejections.count + drift.quarantined.count
        stream.slices += 1
        stream.typeDrift.merge(drift.counts, uniquingKeysWith: +)
        if let counts { stream.load = stream.load + counts }
        streams[result.streamId] = stream
    }

    /// `{"field": count}` for `etl_run.type_drift`, fields sorted.
    var typeDriftJSON: String {
        var text = "{"
        for (index, (field, count)) in typeDrift.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { text += "," }
            JSONText.appendString(field, to: &text)
            text += ":\(count)"
        }
        return text + "}"
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

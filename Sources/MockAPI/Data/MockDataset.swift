import Synchronization

/// All generated data of one configuration: the stream indices (built once) and the
/// epoch-independent records (generated on first use and cached).
final class MockDataset: Sendable {
    let configuration: MockAPIConfiguration
    let directory: AgentDirectory
    let generator: ConversationGenerator
    let timeline: AuditTimeline
    let streams: [String: StreamIndex]
    private let cache: Mutex<[CacheKey: Entry]>
    private static let cacheLimit = 200_000

    private struct CacheKey: Hashable {
        var stream: UInt64
        var index: Int
    }

    /// A generated record and its serialised form at one version (`renderedVersion` -1: not yet).
    /// The version is the epoch in epoch mode and `MockDataset.version` in clock mode.
    private struct Entry {
        var record: ConversationRecord
        var renderedVersion = -1
        var rendered: [UInt8] = []
    }

    init(configuration: MockAPIConfiguration) {
        self.configuration = configuration
        directory = AgentDirectory(seed: configuration.seed)
        generator = ConversationGenerator(seed: configuration.seed, agentCount: directory.agentCount)
        timeline = AuditTimeline(seed: configuration.seed, now: configuration.end)
        let seconds = Int64(max(configuration.days, 0)) * 86_400
        var streams: [String: StreamIndex] = [:]
        for stream in configuration.streams where streams[stream] == nil {
            streams[stream] = StreamIndex(
                stream: stream, seed: configuration.seed, count: configuration.conversationsPerStream,
                windowStart: configuration.end - seconds, seconds: seconds)
        }
        self.streams = streams
        cache = Mutex([:])
    }

    /// The record at a serving position of a stream.
    func record(_ index: StreamIndex, position: Int) -> ConversationRecord {
        let header = index.headers[position]
        let key = CacheKey(stream: index.streamKey, index: header.index)
        if let cached = cache.withLock({ $0[key]?.record }) { return cached }
        let record = generator.record(streamKey: index.streamKey, header: header)
        store(key, Entry(record: record))
        return record
    }

    /// The record at a serving position as served at a moment, serialised once per version (per
    /// epoch, or per rename step and audit change in clock mode).
    func renderedRecord(_ index: StreamIndex, position: Int, moment: MockMoment, renderer: RecordRenderer) -> [UInt8] {
        let key = CacheKey(stream: index.streamKey, index: index.headers[position].index)
        let entry = cache.withLock { $0[key] }
        let record = entry?.record ?? record(index, position: position)
        var version = moment.epoch ?? 0
        var audit: AuditState?
        if let time = moment.time {
            let schedule = schedule(record, stream: index)
            version = renameSteps(moment) * 8 + schedule.count(at: time)
            audit = schedule.state(at: time)
        }
        if let entry, entry.renderedVersion == version { return entry.rendered }
        var writer = JSONWriter(capacity: 4_096)
        renderer.render(record, audit: audit ?? self.audit(record, stream: index, moment: moment), into: &writer)
        store(key, Entry(record: record, renderedVersion: version, rendered: writer.bytes))
        return writer.bytes
    }

    /// Generates and serialises every record at a moment (up to the cache limit), so that serving
    /// pages later is copying bytes.
    func prewarm(moment: MockMoment) {
        var budget = Self.cacheLimit
        for index in streams.values.sorted(by: { $0.stream < $1.stream }) {
            let renderer = renderer(for: index, moment: moment)
            for position in index.headers.indices {
                guard budget > 0 else { return }
                _ = renderedRecord(index, position: position, moment: moment, renderer: renderer)
                budget -= 1
            }
        }
    }

    func renderer(for index: StreamIndex, moment: MockMoment) -> RecordRenderer {
        RecordRenderer(
            directory: directory, agentNames: directory.agentNames(epoch: renameSteps(moment)), stream: index.stream)
    }

    private func store(_ key: CacheKey, _ entry: Entry) {
        cache.withLock {
            if $0.count >= Self.cacheLimit, $0[key] == nil { $0.removeAll(keepingCapacity: true) }
            $0[key] = entry
        }
    }

    /// Serving positions in `[from, to]` that pass the filter and exist at the moment, in order.
    func matches(_ index: StreamIndex, from: Int64, to: Int64, filter: RecordFilter, moment: MockMoment) -> [Int] {
        index.positions(from: from, to: min(to, moment.time ?? to)).filter { position in
            guard
                filter.needsRecord
                    ? filter.accepts(record(index, position: position)) : filter.accepts(index.headers[position])
            else { return false }
            return moment.time.map { exists(index, position: position, at: $0) } ?? true
        }
    }

    func audit(_ record: ConversationRecord, stream: StreamIndex, moment: MockMoment) -> AuditState {
        switch moment {
        case .epoch(let epoch): timeline.state(of: record, streamKey: stream.streamKey, epoch: epoch)
        case .clock(let time): schedule(record, stream: stream).state(at: time)
        }
    }
}

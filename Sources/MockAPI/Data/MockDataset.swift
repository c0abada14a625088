import Synchronization

/// All generated data of one configuration: the stream indices (built once) and the
/// epoch-independent records (generated on first use and cached).
final class MockDataset: Sendable {
    let configuration: MockAPIConfiguration
    let directory: AgentDirectory
    let generator: ConversationGenerator
    let timeline: AuditTimeline
    let streams: [String: StreamIndex]
    private let cache: Mutex<[CacheKey: ConversationRecord]>
    private static let cacheLimit = 500_000

    private struct CacheKey: Hashable {
        var stream: UInt64
        var index: Int
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
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let record = generator.record(streamKey: index.streamKey, header: header)
        cache.withLock {
            if $0.count >= Self.cacheLimit { $0.removeAll(keepingCapacity: true) }
            $0[key] = record
        }
        return record
    }

    /// Serving positions in `[from, to]` that pass the filter, in order.
    func matches(_ index: StreamIndex, from: Int64, to: Int64, filter: RecordFilter) -> [Int] {
        index.positions(from: from, to: to).filter { position in
            filter.needsRecord
                ? filter.accepts(record(index, position: position)) : filter.accepts(index.headers[position])
        }
    }

    func audit(_ record: ConversationRecord, stream: StreamIndex, epoch: Int) -> AuditState {
        timeline.state(of: record, streamKey: stream.streamKey, epoch: epoch)
    }
}

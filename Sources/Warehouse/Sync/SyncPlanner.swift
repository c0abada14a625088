import Postgres
import QualityAI

/// Plans the nightly `sync`: per stream, new data from the watermark (or `since` on a new
/// warehouse) up to `now - settle`, then a lookback re-sweep of the trailing `lookbackDays` of
/// already loaded data for late audits, newest first, resuming at the stream's lookback cursor
/// when an earlier night's request budget ran out.
public struct SyncSchedule: Sendable {
    public var streams: [String]
    /// The current time, epoch seconds.
    public var now: Int64
    /// Conversations newer than `now - settleSeconds` are left for the next run.
    public var settleSeconds: Int64
    /// Where a stream without a watermark starts, epoch seconds.
    public var since: Int64
    public var lookbackDays: Int
    public var sliceSeconds: Int64

    public init(
        streams: [String], now: Int64, settleSeconds: Int64 = 600, since: Int64? = nil, lookbackDays: Int = 14,
        sliceSeconds: Int64 = 86_400
    ) {
        self.streams = streams
        self.now = now
        self.settleSeconds = settleSeconds
        self.since = since ?? now - 7 * 86_400
        self.lookbackDays = lookbackDays
        self.sliceSeconds = sliceSeconds
    }
}

public enum SyncPlanner {
    /// A stream's position: watermark (exclusive, epoch seconds) and lookback cursor.
    public struct Position: Sendable, Hashable {
        public var watermark: Int64?
        public var lookbackCursor: Int64?

        public init(watermark: Int64? = nil, lookbackCursor: Int64? = nil) {
            self.watermark = watermark
            self.lookbackCursor = lookbackCursor
        }
    }

    /// Reads every stream's position from `etl_watermark`.
    public static func positions(schema: Identifier, on connection: Connection) async throws -> [String: Position] {
        let rows = try await connection.execute(
            Query(
                unsafeSQL: """
                    SELECT stream_id, extract(epoch FROM watermark)::bigint AS watermark,
                        extract(epoch FROM lookback_cursor)::bigint AS cursor
                    FROM \(schema.qualifying("etl_watermark"))
                    """))
        var positions: [String: Position] = [:]
        for row in rows {
            guard let stream = row[0] else { continue }
            positions[stream] = Position(
                watermark: try row.decode("watermark", as: Int64.self),
                lookbackCursor: try row.decode("cursor", as: Int64.self))
        }
        return positions
    }

    /// The slices of one sync: every stream's new data first (in time order), then the lookback.
    public static func slices(_ schedule: SyncSchedule, positions: [String: Position]) -> [SliceSpec] {
        let end = schedule.now - schedule.settleSeconds
        var newData: [SliceSpec] = []
        var lookback: [SliceSpec] = []
        for stream in schedule.streams {
            let position = positions[stream] ?? Position()
            let start = position.watermark ?? schedule.since
            if start < end {
                newData += SlicePlanner.windows(from: start, to: end, sliceSeconds: schedule.sliceSeconds).map {
                    SliceSpec(streamId: stream, window: $0, kind: .newData)
                }
            }
            guard position.watermark != nil, schedule.lookbackDays > 0 else { continue }
            let lookbackStart = end - Int64(schedule.lookbackDays) * 86_400
            let lookbackEnd = min(start, end)
            guard lookbackStart < lookbackEnd else { continue }
            let newestFirst = SlicePlanner.windows(
                from: lookbackStart, to: lookbackEnd, sliceSeconds: schedule.sliceSeconds
            ).reversed().map { SliceSpec(streamId: stream, window: $0, kind: .lookback) }
            if let cursor = position.lookbackCursor,
                let resume = newestFirst.firstIndex(where: { $0.window.end < cursor })
            {
                lookback += newestFirst[resume...] + newestFirst[..<resume]
            } else {
                lookback += newestFirst
            }
        }
        return newData.sorted { ($0.window.start, $0.streamId) < ($1.window.start, $1.streamId) } + lookback
    }

    /// Each stream's new lookback cursor after a run: the end (exclusive) of its first lookback
    /// slice left undone, or nil when its re-sweep completed.
    public static func cursors(streams: [String], deferred: [SliceSpec]) -> [String: Int64?] {
        var cursors: [String: Int64?] = [:]
        for stream in streams {
            let first = deferred.first { $0.streamId == stream && $0.kind == .lookback }
            cursors.updateValue(first.map { $0.window.end + 1 }, forKey: stream)
        }
        return cursors
    }
}

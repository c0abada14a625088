import Postgres
import QualityAI

/// What the nightly `sync` is asked to do.
public struct SyncSchedule: Sendable {
    public var streams: [String]
    /// The current time, epoch seconds.
    public var now: Int64
    /// Conversations newer than `now - settleSeconds` are left for the next run.
    public var settleSeconds: Int64
    /// Where a stream with nothing loaded starts, epoch seconds.
    public var since: Int64
    public var lookbackDays: Int
    public var sliceSeconds: Int64
    /// Also load every hole in each stream's coverage (`--fill-gaps`).
    public var fillGaps: Bool
    /// Which days of the lookback window are fetched again.
    public var resweep: ResweepPolicy

    public init(
        streams: [String], now: Int64, settleSeconds: Int64 = 600, since: Int64? = nil, lookbackDays: Int = 14,
        sliceSeconds: Int64 = 86_400, fillGaps: Bool = false, resweep: ResweepPolicy = ResweepPolicy()
    ) {
        self.streams = streams
        self.now = now
        self.settleSeconds = settleSeconds
        self.since = since ?? now - 7 * 86_400
        self.lookbackDays = lookbackDays
        self.sliceSeconds = sliceSeconds
        self.fillGaps = fillGaps
        self.resweep = resweep
    }

    /// New data is loaded up to here (exclusive).
    public var end: Int64 { now - settleSeconds }
    var lookbackSeconds: Int64 { Int64(lookbackDays) * 86_400 }
}

/// Plans the nightly `sync`, per stream: new data from where the loaded coverage continues (see
/// `Coverage.resumePoint`; `since` when nothing is loaded) up to `now - settle`, the holes of the
/// coverage when asked, then the lookback re-sweep of the trailing `lookbackDays` as the
/// `ResweepPolicy` decides.
public enum SyncPlanner {
    /// A stream's position: watermark, lookback cursor, coverage, and what the re-sweep needs.
    public struct Position: Sendable {
        public var watermark: Int64?
        public var lookbackCursor: Int64?
        public var coverage: Coverage
        public var history: SweepHistory
        public var model: ChangeLagModel

        public init(
            watermark: Int64? = nil, lookbackCursor: Int64? = nil, coverage: Coverage = Coverage(ranges: []),
            history: SweepHistory = SweepHistory(slices: []), model: ChangeLagModel = .prior
        ) {
            self.watermark = watermark
            self.lookbackCursor = lookbackCursor
            self.coverage = coverage
            self.history = history
            self.model = model
        }

        /// Where new data continues (nil: nothing loaded yet).
        public var resumePoint: Int64? { coverage.resumePoint(watermark: watermark) }
    }

    /// Every stream's watermark, cursor and coverage (`etl_watermark`, `etl_slice`).
    public static func positions(schema: Identifier, on connection: Connection) async throws -> [String: Position] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, extract(epoch FROM watermark)::bigint AS watermark,
                    extract(epoch FROM lookback_cursor)::bigint AS cursor
                FROM \(schema, "etl_watermark")
                """))
        var positions: [String: Position] = [:]
        for row in rows {
            guard let stream = row[0] else { continue }
            positions[stream] = Position(
                watermark: try row.decode("watermark", as: Int64.self),
                lookbackCursor: try row.decode("cursor", as: Int64.self))
        }
        for (stream, coverage) in try await Coverage.read(schema: schema, on: connection) {
            positions[stream, default: Position()].coverage = coverage
        }
        return positions
    }

    /// Days of conversations, just older than the lookback window, the lag model is learned from.
    public static let learningDays: Int64 = 28

    /// Positions plus sweep history and learned lag models for `schedule`'s streams, then the plan.
    public static func plan(_ schedule: SyncSchedule, schema: Identifier, on connection: Connection) async throws
        -> SyncPlan
    {
        var positions = try await positions(schema: schema, on: connection)
        let windowStart =
            schedule.end - schedule.lookbackSeconds - schedule.sliceSeconds - ResweepPolicy.lateDays * 86_400
        let histories = try await SweepHistory.read(schema: schema, since: windowStart, on: connection)
        for stream in schedule.streams {
            var position = positions[stream] ?? Position()
            position.history = histories[stream] ?? SweepHistory(slices: [])
            if schedule.resweep.mode == .adaptive, schedule.lookbackDays > 0 {
                let learnedTo = schedule.end - schedule.lookbackSeconds
                position.model = try await ChangeLagModel.learn(
                    stream: stream, from: learnedTo - Self.learningDays * 86_400, to: learnedTo,
                    maxAge: schedule.lookbackSeconds + 86_400, schema: schema, on: connection)
            }
            positions[stream] = position
        }
        return slices(schedule, positions: positions)
    }

    /// The plan for `positions`: every stream's new data first (in time order), then the re-sweep's
    /// leaving days and edges, then the gaps (with `fillGaps`), then the other lookback slices the
    /// policy chose. No two slices of a plan overlap.
    public static func slices(_ schedule: SyncSchedule, positions: [String: Position]) -> SyncPlan {
        let end = schedule.end
        var newData: [SliceSpec] = []
        var gaps: [SliceSpec] = []
        var urgent: [SliceSpec] = []
        var lookback: [SliceSpec] = []
        var streams: [String: StreamPlan] = [:]
        for stream in schedule.streams {
            let position = positions[stream] ?? Position()
            let resume = position.resumePoint
            let start = resume ?? schedule.since
            if start < end {
                newData += SlicePlanner.windows(from: start, to: end, sliceSeconds: schedule.sliceSeconds).map {
                    SliceSpec(streamId: stream, window: $0, kind: .newData)
                }
            }
            var plan = StreamPlan(newDataFrom: start, gaps: position.coverage.gaps(), model: position.model)
            let filling = schedule.fillGaps ? position.coverage.gaps(until: start) : []
            for gap in filling {
                let windows = SlicePlanner.windows(from: gap.start, to: gap.end, sliceSeconds: schedule.sliceSeconds)
                gaps += windows.map { SliceSpec(streamId: stream, window: $0, kind: .gap) }
            }
            if let resume, schedule.lookbackDays > 0 {
                // No two slices of a run overlap: a conversation is loaded by one batch only (two
                // writers loading the same new conversation at once would both insert its rows).
                plan.resweep = resweep(schedule, position: position, until: min(start, end))
                let edgeEnd = min(resume, end)
                if let edge = schedule.resweep.edge(
                    resume: edgeEnd, earliest: position.coverage.start ?? resume,
                    dayStart: (edgeEnd - 1) / schedule.sliceSeconds * schedule.sliceSeconds, decisions: plan.resweep,
                    lastSwept: position.history.lastSwept)
                {
                    plan.resweep.insert(edge, at: 0)
                }
                plan.resweep.removeAll { decision in
                    filling.contains { $0.start <= decision.window.end && decision.window.start < $0.end }
                }
                for decision in plan.resweep where decision.sweep {
                    let spec = SliceSpec(
                        streamId: stream, window: decision.window, kind: .lookback, resweepReason: decision.reason)
                    // A leaving day's sweep is its last chance, an edge's is cheap: both before gaps.
                    if decision.reason == .leaving || decision.reason == .edge {
                        urgent.append(spec)
                    } else {
                        lookback.append(spec)
                    }
                }
            }
            streams[stream] = plan
        }
        let ordered = newData.sorted { ($0.window.start, $0.streamId) < ($1.window.start, $1.streamId) }
        return SyncPlan(slices: ordered + urgent + gaps + lookback, streams: streams)
    }

    /// The lookback decisions of one stream, in fetch order (uniform: newest first, resuming at the
    /// lookback cursor; adaptive: by priority).
    private static func resweep(_ schedule: SyncSchedule, position: Position, until lookbackEnd: Int64)
        -> [ResweepPolicy.Decision]
    {
        var lookbackStart = schedule.end - schedule.lookbackSeconds
        if schedule.resweep.mode == .adaptive {
            // Whole days, and the last week before the window for last-chance sweeps that were missed.
            lookbackStart =
                lookbackStart / schedule.sliceSeconds * schedule.sliceSeconds - ResweepPolicy.lateDays * 86_400
            lookbackStart = max(lookbackStart, position.coverage.start ?? lookbackStart)
        }
        guard lookbackStart < lookbackEnd else { return [] }
        let days = SlicePlanner.windows(from: lookbackStart, to: lookbackEnd, sliceSeconds: schedule.sliceSeconds)
        var decisions = schedule.resweep.decide(
            days: days, now: schedule.now, lookbackSeconds: schedule.lookbackSeconds,
            lastSwept: position.history.lastSwept, model: position.model)
        if schedule.resweep.mode == .uniform, let cursor = position.lookbackCursor,
            let resume = decisions.firstIndex(where: { $0.window.end < cursor })
        {
            decisions = Array(decisions[resume...] + decisions[..<resume])
        }
        return decisions
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

/// A planned sync: the slices in fetch order and, per stream, what was decided and why.
public struct SyncPlan: Sendable {
    public var slices: [SliceSpec]
    public var streams: [String: StreamPlan]
}

/// One stream's part of a `SyncPlan`.
public struct StreamPlan: Sendable {
    /// Where new data starts.
    public var newDataFrom: Int64
    /// Holes in the stream's coverage (between its first loaded second and its newest loaded range).
    public var gaps: [Coverage.Range]
    /// The lag model the re-sweep used.
    public var model: ChangeLagModel
    /// Every day of the lookback window, swept or not, with the reason.
    public var resweep: [ResweepPolicy.Decision] = []
}

import QualityAI

/// Decides which days of a stream's lookback window `sync` fetches again tonight.
///
/// - `uniform`: every day of the window, every night (newest first; with `--max-requests` the
///   lookback cursor carries the rest to the next night).
/// - `adaptive` (the default): a day is re-swept when
///   1. it leaves the window within the next 24 hours and was not swept since it entered that
///      last day (its last chance: changes up to then are captured), or
///   2. it was not swept for `maxIntervalDays`, or never since it was first loaded, or
///   3. at least `minIntervalDays` passed since its last sweep and the share of its expected
///      audit changes that happened since then (from the `ChangeLagModel`) is at least
///      `threshold`.
///   Under a request budget, leaving days go first, then overdue days, then the others by
///   expected share of changes. Besides the days, the last `edgeSeconds` before where new data
///   resumed are fetched once more the next night (`edge`): the API lists a conversation only
///   once it has ended, so one still in progress at the previous fetch appears then.
public struct ResweepPolicy: Sendable, Equatable {
    /// The two policies (`--resweep`).
    public enum Mode: String, Sendable, CaseIterable {
        case uniform, adaptive
    }

    public var mode: Mode
    /// Every day of the window is swept at least this often (days).
    public var maxIntervalDays: Double
    /// A day whose changes are likely is swept at most this often (days), leaving days aside.
    public var minIntervalDays: Double
    /// The share of a day's expected audit changes since its last sweep that makes it due.
    public var threshold: Double
    /// adaptive: how far before the previous cut-off conversations may still have been in progress.
    public var edgeSeconds: Int64

    public init(
        mode: Mode = .adaptive, maxIntervalDays: Double = 5, minIntervalDays: Double = 3, threshold: Double = 0.05,
        edgeSeconds: Int64 = 7_200
    ) {
        self.mode = mode
        self.maxIntervalDays = maxIntervalDays
        self.minIntervalDays = minIntervalDays
        self.threshold = threshold
        self.edgeSeconds = edgeSeconds
    }

    /// Why a day is (or is not) swept tonight.
    public enum Reason: String, Sendable, Encodable {
        case uniform, leaving, overdue, likely, edge, notDue = "not_due"
    }

    /// One day of the window and what was decided for it.
    public struct Decision: Sendable, Equatable {
        public var window: TimeWindow
        public var lastSweptAt: Int64?
        /// Expected share of the day's audit changes that happened since its last sweep.
        public var expectedShare: Double
        public var reason: Reason
        public var sweep: Bool { reason != .notDue }
    }

    /// Decisions for `days` (the window's slices, plus days that left it lately) at `now`; a day
    /// leaves at `end + lookback`. `lastSwept` gives, per window, when all of it was last fetched
    /// (nil: never fully). A day that already left is kept only when its last-chance sweep was
    /// missed (a night over budget, or no run that day): it is swept late, as `leaving`.
    /// Returned in the order they should be fetched: swept days first (by priority), then the rest.
    public func decide(
        days: [TimeWindow], now: Int64, lookbackSeconds: Int64, lastSwept: (TimeWindow) -> Int64?,
        model: ChangeLagModel
    ) -> [Decision] {
        var decisions: [Decision] = days.compactMap { window in
            let last = lastSwept(window)
            let middle = Double(window.start + window.end) / 2
            let since = Double(last ?? window.start)
            let share = model.share(from: since - middle, to: Double(now) - middle)
            let exit = window.end + 1 + lookbackSeconds
            let missedLastChance = (last ?? .min) < exit - 86_400
            guard mode == .adaptive else {
                return Decision(window: window, lastSweptAt: last, expectedShare: share, reason: .uniform)
            }
            // A day that already left comes back only for a missed last chance after a known sweep.
            guard now < exit || (last != nil && missedLastChance) else { return nil }
            let idle = Self.nights(since: last ?? window.start, now: now)
            let reason: Reason
            if now >= exit - 86_400, missedLastChance {
                reason = .leaving
            } else if last == nil || idle >= maxIntervalDays {
                reason = .overdue
            } else if idle >= minIntervalDays, share >= threshold {
                reason = .likely
            } else {
                reason = .notDue
            }
            return Decision(window: window, lastSweptAt: last, expectedShare: share, reason: reason)
        }
        guard mode == .adaptive else { return decisions.sorted { $0.window.start > $1.window.start } }
        let rank: [Reason: Int] = [.leaving: 0, .edge: 1, .overdue: 2, .likely: 3, .notDue: 4]
        decisions.sort {
            (rank[$0.reason] ?? 9, -$0.expectedShare, -$0.window.start)
                < (rank[$1.reason] ?? 9, -$1.expectedShare, -$1.window.start)
        }
        return decisions
    }

    /// How far back `decide` looks for days whose last-chance sweep was missed.
    public static let lateDays: Int64 = 7

    /// Days between a sweep and now, counted in nights: a sweep stamped when its batch committed,
    /// minutes after that night's run began, still counts a whole night by the same time of the
    /// next (a quarter of a day of slack).
    static func nights(since last: Int64, now: Int64) -> Double {
        Double(now - last) / 86_400 + 0.25
    }

    /// The edge: the last `edgeSeconds` before `resume`, within the day that holds `resume - 1` (so
    /// it never straddles two days) and outside every window swept tonight, when it was last
    /// fetched while its newest conversations could still have been in progress.
    public func edge(
        resume: Int64, earliest: Int64, dayStart: Int64, decisions: [Decision], lastSwept: (TimeWindow) -> Int64?
    ) -> Decision? {
        guard mode == .adaptive, edgeSeconds > 0 else { return nil }
        var start = max(resume - edgeSeconds, earliest, dayStart)
        var end = resume - 1
        for swept in decisions where swept.sweep && swept.window.start <= end && swept.window.end >= start {
            if swept.window.start <= start { start = max(start, swept.window.end + 1) }
            if swept.window.end >= end { end = min(end, swept.window.start - 1) }
        }
        guard start <= end else { return nil }
        let window = TimeWindow(start: start, end: end)
        let last = lastSwept(window)
        guard (last ?? .min) < resume + edgeSeconds else { return nil }
        return Decision(window: window, lastSweptAt: last, expectedShare: 0, reason: .edge)
    }
}

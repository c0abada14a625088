import Foundation
import QualityAI
import Testing

@testable import Warehouse

/// The re-sweep policy and its lag model, without I/O. Expected values are worked out by hand
/// from the documented rules (`ResweepPolicy`) and the prior's parameters.
@Suite("Re-sweep policy")
struct ResweepPolicyTests {
    static let day: Int64 = 86_400
    /// Night 20 at 02:00 UTC.
    static let now: Int64 = 20 * day + 7_200
    static let lookback: Int64 = 14 * day

    static func days(_ range: ClosedRange<Int64>) -> [TimeWindow] {
        range.map { TimeWindow(start: $0 * day, end: ($0 + 1) * day - 1) }
    }

    @Test("the prior is the documented log-normal: median 36 h, 80% within 4 days")
    func prior() {
        let model = ChangeLagModel.prior
        #expect(abs(model.share(within: 36 * 3_600) - 0.5) < 1e-9)
        // Φ(ln(96/36) / 1.165) = Φ(0.8419) ≈ 0.8001.
        #expect(abs(model.share(within: 4 * 86_400) - 0.80) < 0.001)
        #expect(model.share(within: 0) == 0)
        #expect(abs(model.ageAtShare(0.5) - 36 * 3_600) < 1)
    }

    @Test("a learned model interpolates its quantiles")
    func learned() {
        // Changes evenly spread over the first 100 seconds.
        let model = ChangeLagModel(source: .learned(observations: 500), quantiles: (0...50).map { Double($0) * 2 })
        #expect(abs(model.share(within: 25) - 0.25) < 1e-9)
        #expect(abs(model.share(from: 10, to: 60) - 0.5) < 1e-9)
        #expect(model.share(within: 150) == 1)
    }

    @Test("uniform sweeps every day, newest first")
    func uniform() {
        let policy = ResweepPolicy(mode: .uniform)
        let decisions = policy.decide(
            days: Self.days(6...19), now: Self.now, lookbackSeconds: Self.lookback, lastSwept: { _ in Self.now },
            model: .prior)
        #expect(decisions.allSatisfy { $0.sweep })
        #expect(decisions.map(\.window.start) == (6...19).reversed().map { $0 * Self.day })
    }

    @Test("adaptive: leaving, overdue, likely and not due, in that order")
    func adaptive() {
        let policy = ResweepPolicy(mode: .adaptive, maxIntervalDays: 5, minIntervalDays: 3, threshold: 0.05)
        // Day 6 leaves at 6d+1d+14d = 21d: within 24 h of now (20d 02:00), and last swept 2 nights ago.
        // Day 7 was never fully swept: overdue. Day 10, swept 5 nights ago: overdue.
        // Day 16, swept 3 nights ago at 17d 02:00, at age ~0.6 d: since then, for a conversation at
        // mid-day (16.5d), the prior's share between ages 0.58 d and 3.58 d ≈ Φ(0.745) - Φ(-0.850)
        // ≈ 0.772 - 0.198 = 0.57 ≥ 0.05: likely.
        // Day 19, swept 1 night ago: not due (under the minimum interval).
        // Day 12, swept 3 nights ago: share between ages 4.58 d and 7.58 d ≈ Φ(1.391) - Φ(0.959)
        // ≈ 0.918 - 0.831 = 0.087 ≥ 0.05: likely.
        let lastSwept: [Int64: Int64] = [
            6: Self.now - 2 * Self.day, 10: Self.now - 5 * Self.day, 12: Self.now - 3 * Self.day,
            16: Self.now - 3 * Self.day, 19: Self.now - Self.day,
        ]
        let windows =
            Self.days(6...7) + Self.days(10...10) + Self.days(12...12) + Self.days(16...16)
            + Self.days(19...19)
        let decisions = policy.decide(
            days: windows, now: Self.now, lookbackSeconds: Self.lookback,
            lastSwept: { lastSwept[$0.start / Self.day] }, model: .prior)
        let reasons = Dictionary(uniqueKeysWithValues: decisions.map { ($0.window.start / Self.day, $0.reason) })
        #expect(reasons == [6: .leaving, 7: .overdue, 10: .overdue, 12: .likely, 16: .likely, 19: .notDue])
        // Leaving first, then overdue, then likely (by expected share), then the rest.
        #expect(decisions.first?.reason == .leaving)
        #expect(decisions.last?.reason == .notDue)
        let likely = decisions.filter { $0.reason == .likely }
        #expect(likely.map { $0.window.start / Self.day } == [16, 12], "day 16 has more expected changes")
    }

    @Test("a day swept within its last 24 hours in the window is not swept again as leaving")
    func leavingOnce() {
        let policy = ResweepPolicy()
        let oldest = Self.days(6...6)
        // Swept one hour ago, inside its last day: not leaving again (and well under the minimum interval).
        let decisions = policy.decide(
            days: oldest, now: Self.now, lookbackSeconds: Self.lookback, lastSwept: { _ in Self.now - 3_600 },
            model: .prior)
        #expect(decisions.map(\.reason) == [.notDue])
    }

    @Test("a sweep stamped minutes after its night began still counts whole nights")
    func nightsNotSeconds() {
        let policy = ResweepPolicy(mode: .adaptive, maxIntervalDays: 5, minIntervalDays: 3, threshold: 0.05)
        // Day 10, swept five nights ago, committed 14 minutes after that run started at 02:00.
        let decisions = policy.decide(
            days: Self.days(10...10), now: Self.now, lookbackSeconds: Self.lookback,
            lastSwept: { _ in Self.now - 5 * Self.day + 14 * 60 }, model: .prior)
        #expect(decisions.map(\.reason) == [.overdue])
    }

    @Test("a day whose last-chance sweep was missed is swept late as leaving; one that had it is dropped")
    func lateLeaving() {
        let policy = ResweepPolicy()
        // Day 4 left at 4d + 1d + 14d = 19d, before now (20d 02:00); day 3 left at 18d.
        let lastSwept: [Int64: Int64] = [4: 15 * Self.day, 3: 17 * Self.day + 7_200]
        let decisions = policy.decide(
            days: Self.days(3...4), now: Self.now, lookbackSeconds: Self.lookback,
            lastSwept: { lastSwept[$0.start / Self.day] }, model: .prior)
        // Day 4's last sweep (15d) came before its last day in the window (18d..19d): missed.
        // Day 3's (17d 02:00) came in its last day (17d..18d): it had its last chance.
        #expect(decisions.map { $0.window.start / Self.day } == [4])
        #expect(decisions.map(\.reason) == [.leaving])
    }

    @Test("the edge stays inside one day and outside every window swept tonight")
    func edgeClipped() {
        let policy = ResweepPolicy()
        // Resume at day 20 01:50; the edge would be 23:50 of day 19 to 01:49 of day 20.
        let resume = 20 * Self.day + 6_600
        let swept = ResweepPolicy.Decision(
            window: TimeWindow(start: 19 * Self.day, end: 20 * Self.day - 1), lastSweptAt: nil, expectedShare: 0,
            reason: .leaving)
        let edge = policy.edge(
            resume: resume, earliest: 0, dayStart: 20 * Self.day, decisions: [swept], lastSwept: { _ in resume + 600 })
        #expect(edge?.window == TimeWindow(start: 20 * Self.day, end: resume - 1))
        // Fetched two hours after the cut-off already: nothing was still in progress.
        let late = policy.edge(
            resume: resume, earliest: 0, dayStart: 20 * Self.day, decisions: [],
            lastSwept: { _ in resume + 7_200 })
        #expect(late == nil)
    }

    @Test("the last full sweep of a window is the newest time its slices covered all of it")
    func sweepHistory() {
        let window = TimeWindow(start: 100, end: 199)
        let history = SweepHistory(slices: [
            .init(first: 100, last: 199, completedAt: 10),
            .init(first: 100, last: 149, completedAt: 30),
            .init(first: 150, last: 199, completedAt: 20),
            .init(first: 120, last: 130, completedAt: 40),
        ])
        // At 40 only 120-130 is fresh; 30 and 20 together cover it all: 20.
        #expect(history.lastSwept(window) == 20)
        #expect(SweepHistory(slices: [.init(first: 100, last: 150, completedAt: 5)]).lastSwept(window) == nil)
    }
}

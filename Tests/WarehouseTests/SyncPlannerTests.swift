import QualityAI
import Testing

@testable import Warehouse

/// Where `sync` starts and which gap slices it plans, from coverage alone (no I/O).
@Suite("Sync planning from coverage")
struct SyncPlannerTests {
    static let day: Int64 = 86_400

    @Test("a backfill on a new warehouse, then sync: new data starts where the backfill ended, not at --since")
    func backfillThenSync() {
        // Backfill of days 0..<10 (no watermark), sync at day 30 (its --since default is day 23).
        let position = SyncPlanner.Position(coverage: Coverage(slices: [(0, 10 * Self.day - 1)]))
        let schedule = SyncSchedule(streams: ["s"], now: 30 * Self.day, settleSeconds: 0, lookbackDays: 0)
        let plan = SyncPlanner.slices(schedule, positions: ["s": position])
        let newData = plan.slices.filter { $0.kind == .newData }
        #expect(newData.first?.window.start == 10 * Self.day)
        #expect(newData.last?.window.end == 30 * Self.day - 1)
        #expect(newData.count == 20)
        #expect(plan.streams["s"]?.gaps == [])
    }

    @Test("a hole in the coverage is listed, and planned as gap slices only with fillGaps")
    func gaps() {
        // Loaded: days 0..<5 and 13..<20, watermark at day 20; sync at day 20 has no new data.
        let coverage = Coverage(slices: [(0, 5 * Self.day - 1), (13 * Self.day, 20 * Self.day - 1)])
        let position = SyncPlanner.Position(watermark: 20 * Self.day, coverage: coverage)
        var schedule = SyncSchedule(streams: ["s"], now: 20 * Self.day, settleSeconds: 0, lookbackDays: 0)
        let listed = SyncPlanner.slices(schedule, positions: ["s": position])
        #expect(listed.slices.isEmpty)
        #expect(listed.streams["s"]?.gaps == [Coverage.Range(start: 5 * Self.day, end: 13 * Self.day)])
        schedule.fillGaps = true
        let filling = SyncPlanner.slices(schedule, positions: ["s": position])
        #expect(filling.slices.map(\.kind) == Array(repeating: .gap, count: 8))
        #expect(filling.slices.first?.window.start == 5 * Self.day)
        #expect(filling.slices.last?.window.end == 13 * Self.day - 1)
    }

    @Test("the lookback re-sweep covers loaded days before the new data, per policy")
    func lookback() {
        let position = SyncPlanner.Position(
            watermark: 29 * Self.day, coverage: Coverage(slices: [(0, 29 * Self.day - 1)]))
        var schedule = SyncSchedule(streams: ["s"], now: 30 * Self.day, settleSeconds: 0, lookbackDays: 14)
        schedule.resweep = ResweepPolicy(mode: .uniform)
        let uniform = SyncPlanner.slices(schedule, positions: ["s": position]).slices.filter { $0.kind == .lookback }
        // [day 16, day 29): 13 days, newest first.
        #expect(uniform.count == 13)
        #expect(uniform.first?.window.start == 28 * Self.day)
        // Adaptive with no sweep history: every day is overdue (never swept since loading is unknown).
        schedule.resweep = ResweepPolicy(mode: .adaptive)
        let adaptive = SyncPlanner.slices(schedule, positions: ["s": position]).slices.filter { $0.kind == .lookback }
        #expect(adaptive.count == 13)
        #expect(adaptive.allSatisfy { $0.resweepReason == .overdue || $0.resweepReason == .leaving })
    }
}

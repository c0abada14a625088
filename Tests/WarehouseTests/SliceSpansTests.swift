import QualityAI
import Testing

@testable import Warehouse

/// Joining planned slices into wide ones, and cutting a wide one where it is dense. Expected
/// windows are worked out by hand from the rules in `SliceSpans`.
@Suite("Slices that follow the data")
struct SliceSpansTests {
    static let day: Int64 = 86_400

    static func days(_ stream: String, _ first: Int64, _ last: Int64, kind: SliceSpec.Kind = .newData, grid: Int64?)
        -> SliceSpec
    {
        SliceSpec(
            streamId: stream, window: TimeWindow(start: first * day, end: (last + 1) * day - 1), kind: kind,
            grid: grid)
    }

    @Test("unbroken stretches of one stream and kind are joined, in place of their first slice; re-sweeps are not")
    func joinsStretches() {
        let planned = [
            Self.days("a", 0, 0, grid: nil), Self.days("b", 0, 0, grid: nil), Self.days("a", 1, 1, grid: nil),
            Self.days("b", 1, 1, grid: nil), Self.days("a", 2, 2, grid: nil), Self.days("a", 4, 4, grid: nil),
            Self.days("a", 5, 5, kind: .lookback, grid: nil), Self.days("a", 6, 6, kind: .lookback, grid: nil),
            Self.days("a", 7, 7, kind: .gap, grid: nil), Self.days("a", 8, 8, kind: .gap, grid: nil),
        ]
        #expect(
            SliceSpans.join(planned, grid: Self.day) == [
                Self.days("a", 0, 2, grid: Self.day), Self.days("b", 0, 1, grid: Self.day),
                // Day 3 is missing: day 4 starts a stretch of its own, of one slice.
                Self.days("a", 4, 4, grid: nil),
                Self.days("a", 5, 5, kind: .lookback, grid: nil), Self.days("a", 6, 6, kind: .lookback, grid: nil),
                Self.days("a", 7, 8, kind: .gap, grid: Self.day),
            ])
    }

    @Test(
        "a dense wide slice is cut into its days from a quarter page a day on, else into runs expected to hold three quarters of what is accepted"
    )
    func cutsByDensity() {
        let month = Self.days("a", 0, 29, grid: Self.day)
        // 20,000 or 3,000 over 30 days: 667 or 100 a day, a quarter page or more: day by day.
        let days = (0..<30).map { Self.days("a", $0, $0, grid: nil) }
        #expect(month.cut(totalResults: 20_000, accepted: 1_000, pageSize: 100) == days)
        #expect(month.cut(totalResults: 3_000, accepted: 1_000, pageSize: 100) == days)
        // 1,400 over 60 days: 23 a day; 32.1 days would hold 750: two runs of 30 (at least two parts).
        let twoMonths = Self.days("a", 0, 59, grid: Self.day)
        #expect(
            twoMonths.cut(totalResults: 1_400, accepted: 1_000, pageSize: 100) == [
                Self.days("a", 0, 29, grid: Self.day), Self.days("a", 30, 59, grid: Self.day),
            ])
        // 2,000 over 200 days: 10 a day, 75 days hold 750: runs of 75, 75 and 50.
        let long = Self.days("a", 0, 199, grid: Self.day)
        #expect(
            long.cut(totalResults: 2_000, accepted: 1_000, pageSize: 100) == [
                Self.days("a", 0, 74, grid: Self.day), Self.days("a", 75, 149, grid: Self.day),
                Self.days("a", 150, 199, grid: Self.day),
            ])
        // Without a total, day by day.
        #expect(Self.days("a", 0, 2, grid: Self.day).cut(totalResults: nil, accepted: 1_000, pageSize: 100).count == 3)
    }

    @Test("a wide slice with undated records is halved while it took one page, else cut into its planned slices")
    func narrowsForUndatedRecords() {
        let week = Self.days("a", 0, 6, grid: Self.day)
        #expect(
            week.narrowed(afterPages: 1) == [
                Self.days("a", 0, 3, grid: Self.day), Self.days("a", 4, 6, grid: Self.day),
            ])
        #expect(week.narrowed(afterPages: 3) == (0..<7).map { Self.days("a", $0, $0, grid: nil) })
    }

    @Test("cuts fall on the planned slice boundaries, also when the stretch starts and ends mid-day")
    func cutsOnTheGrid() {
        let start: Int64 = 12 * 3_600
        let end = 2 * Self.day + 6 * 3_600 - 1
        let wide = SliceSpec(streamId: "a", window: TimeWindow(start: start, end: end), kind: .backfill, grid: Self.day)
        #expect(
            wide.cut(totalResults: 50_000, accepted: 1_000, pageSize: 100).map(\.window) == [
                TimeWindow(start: start, end: Self.day - 1), TimeWindow(start: Self.day, end: 2 * Self.day - 1),
                TimeWindow(start: 2 * Self.day, end: end),
            ])
    }
}

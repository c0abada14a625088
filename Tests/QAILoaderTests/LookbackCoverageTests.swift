import Testing

@testable import Warehouse

@Suite("status: lookback coverage of a window by completed slices")
struct LookbackCoverageTests {
    @Test("slices are inclusive of their last second; overlaps count once; parts outside are clipped")
    func union() {
        // Window [100, 200). Slices [90, 119] -> 100..<120 (20 s); [110, 129] overlaps -> +10 s;
        // [150, 159] -> 10 s; [190, 260] -> 190..<200 (10 s); [300, 400] outside.
        let covered = LookbackCoverage.coveredSeconds(
            start: 100, end: 200, slices: [(150, 159), (90, 119), (300, 400), (110, 129), (190, 260)])
        #expect(covered == 50)
    }

    @Test("adjacent slices cover the window exactly; none covers nothing")
    func edges() {
        #expect(
            LookbackCoverage.coveredSeconds(start: 0, end: 86_400, slices: [(0, 43_199), (43_200, 86_399)]) == 86_400)
        #expect(LookbackCoverage.coveredSeconds(start: 0, end: 10, slices: []) == 0)
        let half = LookbackCoverage(days: 2, windowStart: 0, windowEnd: 200, sweptWithinDays: 1, coveredSeconds: 50)
        #expect(half.fraction == 0.25)
    }
}

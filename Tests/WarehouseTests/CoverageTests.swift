import Testing

@testable import Warehouse

/// Coverage from committed slices: unions, where `sync` continues, and the gaps `status` lists.
/// Times are small numbers of seconds so every expected value can be checked by hand.
@Suite("Coverage")
struct CoverageTests {
    typealias Range = Coverage.Range

    @Test("slices merge when they overlap or touch (inclusive ends), not across a hole")
    func union() {
        let coverage = Coverage(slices: [(20, 29), (0, 9), (10, 14), (12, 13), (40, 49)])
        #expect(coverage.ranges == [Range(start: 0, end: 15), Range(start: 20, end: 30), Range(start: 40, end: 50)])
        #expect(coverage.start == 0)
        #expect(coverage.end == 50)
        #expect(coverage.contains(14))
        #expect(!coverage.contains(15))
    }

    @Test("gaps between the first loaded second and the newest range, or up to a limit")
    func gaps() {
        let coverage = Coverage(slices: [(0, 9), (20, 29), (40, 49)])
        #expect(coverage.gaps() == [Range(start: 10, end: 20), Range(start: 30, end: 40)])
        #expect(coverage.gaps(until: 25) == [Range(start: 10, end: 20)])
        #expect(
            coverage.gaps(until: 60) == [
                Range(start: 10, end: 20), Range(start: 30, end: 40), Range(start: 50, end: 60),
            ])
        #expect(Coverage(slices: [(0, 9)]).gaps().isEmpty)
        #expect(Coverage(ranges: []).gaps(until: 100).isEmpty)
    }

    @Test("sync continues at the end of the range that holds the watermark")
    func resumeWithWatermark() {
        // A backfill that ran on past the watermark (0..<30 loaded, watermark 20) counts.
        #expect(Coverage(slices: [(0, 29)]).resumePoint(watermark: 20) == 30)
        // Nothing newer: the watermark itself.
        #expect(Coverage(slices: [(0, 19)]).resumePoint(watermark: 20) == 20)
        // A later, separate range does not move it: new data from the watermark closes the hole.
        #expect(Coverage(slices: [(0, 19), (40, 49)]).resumePoint(watermark: 20) == 20)
        // Slices purged or never recorded: the watermark.
        #expect(Coverage(ranges: []).resumePoint(watermark: 20) == 20)
    }

    @Test("without a watermark, sync continues at the end of the newest loaded range")
    func resumeWithoutWatermark() {
        // The README's first load: a backfill on a new warehouse, then sync.
        #expect(Coverage(slices: [(0, 9), (20, 29)]).resumePoint(watermark: nil) == 30)
        #expect(Coverage(ranges: []).resumePoint(watermark: nil) == nil)
    }
}

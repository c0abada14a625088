import Testing
import Warehouse

@Suite("RollupDay")
struct RollupDayTests {
    @Test("parses and prints YYYY-MM-DD; 2026-10-26 is day 20,752 since 1970-01-01")
    func text() throws {
        let day = try #require(RollupDay("2026-10-26"))
        #expect(day.daysSinceEpoch == 20_752)
        #expect(day.description == "2026-10-26")
        #expect(day.startEpochSeconds == 1_792_972_800)
        #expect(day.next.description == "2026-10-27")
        #expect(RollupDay("2026-02-30") == nil)
        #expect(RollupDay("2026-10-26 00:00:00") == nil)
    }

    @Test("the day containing a time is the UTC day, also before 1970")
    func containing() {
        #expect(RollupDay(containing: 1_792_972_800 + 86_399).description == "2026-10-26")
        #expect(RollupDay(containing: 1_792_972_800 - 1).description == "2026-10-25")
        #expect(RollupDay(containing: -1).description == "1969-12-31")
        #expect(RollupDay(containing: -86_400).description == "1969-12-31")
    }
}

import ArgumentParser
import MockAPI
import Testing

@testable import qai_loader

/// `qai-loader mock-api`'s clock options: `--now` turns clock mode on, `--end` moves the range.
@Suite struct MockAPICommandTests {
    static func configuration(_ arguments: [String]) throws -> MockAPIConfiguration {
        try MockAPICommand.parse(arguments).mockConfiguration(secret: "s")
    }

    @Test func nowAndEndAcceptDatesTimesAndEpochSeconds() throws {
        let byDate = try Self.configuration(["--now", "2026-03-23", "--end", "2026-04-01"])
        #expect(byDate.clock == 1_774_224_000)
        #expect(byDate.end == 1_775_001_600)
        let byTime = try Self.configuration(["--now", "2026-03-23 12:00:00", "--end", "1774310400", "--days", "3"])
        #expect(byTime.clock == 1_774_267_200)
        #expect(byTime.end == 1_774_310_400)
        #expect(byTime.start == 1_774_051_200)
        #expect(try Self.configuration(["--now", "1774224000"]).clock == 1_774_224_000)
    }

    @Test func withoutNowTheMockKeepsEpochMode() throws {
        let configuration = try Self.configuration(["--epoch", "2"])
        #expect(configuration.clock == nil)
        #expect(configuration.epoch == 2)
    }

    @Test func badClockOptionsAreRefused() {
        #expect(throws: (any Error).self) { try MockAPICommand.parse(["--now", "tomorrow"]) }
        #expect(throws: (any Error).self) { try MockAPICommand.parse(["--end", "2026-13-01"]) }
        #expect(throws: (any Error).self) { try MockAPICommand.parse(["--now", "2026-03-23", "--epoch", "1"]) }
    }
}

import Foundation
import Testing

@testable import MockAPI

/// The pure helpers, against values worked out independently (Python's calendar and email.utils,
/// the SplitMix64 reference implementation, Foundation's JSON parser).
@Suite struct SupportUnitTests {
    @Test func splitMixMatchesTheReferenceSequence() {
        var random = SplitMix64(seed: 0)
        #expect(
            [random.next(), random.next(), random.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
    }

    @Test(arguments: [
        ("2026-03-24 00:00:00", Int64(1_774_310_400)),
        ("2026-03-24T00:00:00", 1_774_310_400),
        ("2026-03-24T00:00:00.999Z", 1_774_310_400),
        ("2024-02-29 12:34:56", 1_709_210_096),
        ("1970-01-01T00:00:00Z", 0),
    ])
    func requestTimesParse(text: String, seconds: Int64) {
        #expect(UTCTime.parseRequestTime(text) == seconds)
    }

    @Test func timesFormat() {
        #expect(UTCTime.spaced(1_709_210_096) == "2024-02-29 12:34:56")
        #expect(UTCTime.iso(milliseconds: 1_709_210_096_007) == "2024-02-29T12:34:56.007Z")
        #expect(UTCTime.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(UTCTime.date(1_774_310_399) == "2026-03-23")
    }

    @Test(arguments: [false, true])
    func writerEscapesStringsSoFoundationReadsThemBack(asciiOnly: Bool) throws {
        let tricky = "Zoë \"Tom\" O'Brien, Jr. \\ tab\t line\n nul\u{0} bell\u{7} 🌟 李娜 \u{2028}"
        var w = JSONWriter()
        w.beginObject()
        w.key("name")
        w.string(tricky, asciiOnly: asciiOnly)
        w.key(text: "crm case #\"")
        w.decimal(-7, scale: 2)
        w.key("list")
        w.beginArray()
        w.int(-42)
        w.int64(Int64.max)
        w.null()
        w.bool(true)
        w.endArray()
        w.endObject()
        if asciiOnly { #expect(w.bytes.allSatisfy { $0 < 0x80 }) }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any])
        #expect(parsed["name"] as? String == tricky)
        #expect((parsed["crm case #\""] as? NSNumber)?.doubleValue == -0.07)
        let list = try #require(parsed["list"] as? [Any])
        #expect(list[0] as? Int == -42)
        #expect((list[1] as? NSNumber)?.int64Value == Int64.max)
        #expect(list[2] is NSNull)
        #expect(list[3] as? Bool == true)
    }

    @Test func agentsAreRenamedInLaterEpochsWithTheSameIds() {
        let directory = AgentDirectory(seed: 3)
        let initial = directory.agentNames(epoch: 0)
        let later = directory.agentNames(epoch: 1)
        #expect(initial == Pools.agentNames)
        #expect(later.count == initial.count)
        #expect(zip(initial, later).contains { $0 != $1 })
        #expect(directory.agentNames(epoch: 1) == later)
    }
}

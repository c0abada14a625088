import Testing

@testable import QualityAI

/// `Timestamp` and `DecimalText` parsing and formatting. Epoch values were computed with
/// `date -u -d '2026-03-23 10:17:54' +%s` (1774261074) and `date -u -d 2026-03-23 +%s` (1774224000).
@Suite struct ValueTypeTests {
    @Test(
        arguments: [
            ("2026-03-23T10:17:54Z", 1_774_261_074_000_000), ("2026-03-23T10:17:54.120Z", 1_774_261_074_120_000),
            ("2026-03-23T10:17:54.123456789Z", 1_774_261_074_123_456), ("2026-03-23 10:17:54", 1_774_261_074_000_000),
            ("2026-03-23T15:47:54+05:30", 1_774_261_074_000_000), ("2026-03-23T05:17:54-0500", 1_774_261_074_000_000),
            ("2026-03-23T10:17:54+00", 1_774_261_074_000_000), ("2026-03-23", 1_774_224_000_000_000),
            ("2026-03-23T10:17Z", 1_774_261_020_000_000), ("1774261074120", 1_774_261_074_120_000),
            ("1774261074", 1_774_261_074_000_000), (" 2026-03-23 10:17:54 UTC ", 1_774_261_074_000_000),
        ] as [(String, Int64)])
    func timestampParses(text: String, microseconds: Int64) {
        #expect(Timestamp(parsing: text)?.microseconds == microseconds)
    }

    @Test(arguments: [
        "2026-02-30 10:00:00", "2026-03-23T25:00:00Z", "yesterday", "2026-03-23T10:17:54+5", "2026-13-01",
        "2026-03-23T10:17:54.Z", "2026-03-23T10:17:54Q", "",
    ])
    func timestampRejects(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func epochNumbersInRecords() throws {
        let record = #"{"conversationId":"c","conversationStartTime":1774261074120,"conversationEndTime":1774261173}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.conversationStart?.microseconds == 1_774_261_074_120_000)
        #expect(conversation.conversationEnd?.microseconds == 1_774_261_173_000_000)
    }

    @Test(
        arguments: [
            (1_774_261_074_000_000, "2026-03-23T10:17:54Z"), (1_774_261_074_120_000, "2026-03-23T10:17:54.120Z"),
            (1_774_261_074_123_456, "2026-03-23T10:17:54.123456Z"), (0, "1970-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59.999999Z"), (-1_000_000, "1969-12-31T23:59:59Z"),
        ] as [(Int64, String)])
    func timestampFormats(microseconds: Int64, iso: String) {
        #expect(Timestamp(microseconds: microseconds).isoText == iso)
    }

    @Test(arguments: [
        ("77", "77"), ("-12.5", "-12.5"), ("1e3", "1e3"), ("0", "0"), ("-0.0", "-0.0"), (" 5 ", "5"), ("45%", "45"),
        ("1E-7", "1E-7"),
    ])
    func decimalAccepts(text: String, literal: String) {
        #expect(DecimalText(text)?.text == literal)
    }

    @Test(arguments: ["", "abc", "1.", ".5", "+1", "NaN", "1e", "01", "1 2", "--1", "%"])
    func decimalRejects(text: String) {
        #expect(DecimalText(text) == nil)
    }

    @Test func decimalDouble() {
        #expect(DecimalText("-12.5")?.double == -12.5)
        #expect(DecimalText("1e3")?.double == 1000)
    }
}

import TestSupport
import Testing

@testable import QualityAI

/// Issue 8, bad input corpus: dates out of range or in other formats, negative and absurd numbers.
/// A value the warehouse could not store (year 0, an `integer` overflow, a `numeric` overflow)
/// becomes NULL with a warning instead of failing a whole slice's load.
@Suite(.timeLimit(.minutes(1))) struct ReliabilityBadValueTests {
    // Expected epoch seconds from `date -u -d <text> +%s`.
    @Test(
        "dates in other formats parse to the instant they name",
        arguments: [
            (#""2026-03-23T10:17:54Z""#, ts(seconds: 1_774_261_074)),
            (#""2026-03-23 10:17:54""#, ts(seconds: 1_774_261_074)),
            (#""2026-03-23T10:17:54.250Z""#, ts(seconds: 1_774_261_074, millis: 250)),
            (#""2026-03-23T10:17:54+05:30""#, ts(seconds: 1_774_241_274)),
            (#""2026-03-23T10:17:54 UTC""#, ts(seconds: 1_774_261_074)),
            ("1774261074000", ts(seconds: 1_774_261_074)),
            ("1774261074", ts(seconds: 1_774_261_074)),
            (#""9999-12-31T23:59:59Z""#, ts(seconds: 253_402_300_799)),
            (#""0001-01-01T00:00:00Z""#, ts(seconds: -62_135_596_800)),
        ])
    func otherDateFormats(literal: String, expected: Timestamp) throws {
        let record = #"{"conversationId":"c-d","conversationStartTime":\#(literal)}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.conversationStart == expected)
        #expect(conversation.warnings.isEmpty)
    }

    @Test(
        "dates out of range or not dates at all are NULL with a warning",
        arguments: [
            #""0000-01-01T00:00:00Z""#, #""0001-01-01T00:30:00+01:00""#, #""10000-01-01T00:00:00Z""#,
            #""2026-02-30T00:00:00Z""#, #""2026-03-23T25:00:00Z""#, #""23/03/2026 10:17""#, #""Mar 23, 2026""#,
            "1e300", "-1e300", "253402300800000", #""2026-03-23T10:17:54+99:00""#, #""2026-03-23T10:17:54Zjunk""#,
        ])
    func datesOutOfRange(literal: String) throws {
        let record = #"{"conversationId":"c-d","conversationStartTime":\#(literal),"audit_date":\#(literal)}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.conversationStart == nil)
        #expect(conversation.auditDate == nil)
        #expect(conversation.warnings.count == 2)
    }

    @Test("negative numbers are kept as sent")
    func negativeNumbers() throws {
        let record = #"""
            {"conversationId":"c-n","koreEvaluationScore":-100,"Fatal Errors":-3,"duration":-5000,
             "sentimentScore":"-0.75","Metrics":[{"Metric ID":"m","Metric Weight":-12.5}]}
            """#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.koreEvaluationScore == dec("-100"))
        #expect(conversation.fatalErrorCount == -3)
        #expect(conversation.durationMs == -5000)
        #expect(conversation.sentimentScore == dec("-0.75"))
        #expect(conversation.metrics.first?.weight == dec("-12.5"))
        #expect(conversation.warnings.isEmpty)
    }

    static let longLiteral = "0." + String(repeating: "0", count: 20_000) + "1"

    @Test(
        "absurd numbers that no column can hold are NULL with a warning",
        arguments: [
            ("Fatal Errors", "2147483648"), ("Fatal Errors", "-2147483649"), ("Fatal Errors", "99999999999999999999"),
            ("Fatal Errors", "1.5"), ("koreEvaluationScore", "1e200000"), ("koreEvaluationScore", "-1e-20000"),
            ("koreEvaluationScore", #""1e1001""#), ("koreEvaluationScore", #""NaN""#),
            ("koreEvaluationScore", #""Infinity""#), ("duration", "1e300"), ("duration", #""99e99 hours""#),
            ("koreEvaluationScore", longLiteral),
        ])
    func absurdNumbers(key: String, literal: String) throws {
        let record = #"{"conversationId":"c-a","\#(key)":\#(literal)}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.fatalErrorCount == nil)
        #expect(conversation.koreEvaluationScore == nil)
        #expect(conversation.durationMs == nil)
        #expect(conversation.warnings.count == 1)
        let jsonbCannotHold = ["1e200000", "-1e-20000", Self.longLiteral].contains(literal)
        let raw = jsonbCannotHold ? #"{"conversationId":"c-a","\#(key)":"\#(literal)"}"# : record
        #expect(conversation.raw == raw, "the raw record keeps what the vendor sent, as text where jsonb needs it")
        #expect(conversation.rawWasSanitised == jsonbCannotHold)
    }

    @Test("a number jsonb cannot hold, even in a field nobody reads, becomes a string in raw")
    func rawNumbersJSONBCannotHold() throws {
        let record = #"{"conversationId":"c-r","unknown":[1e99999,2],"fine":1e1000}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.raw == #"{"conversationId":"c-r","unknown":["1e99999",2],"fine":1e1000}"#)
        #expect(conversation.rawWasSanitised)
        let neighbour = try #require(try decodeRecord(#"{"conversationId":"c-s","n":12.5e3}"#))
        #expect(neighbour.raw == #"{"conversationId":"c-s","n":12.5e3}"#)
        #expect(neighbour.rawWasSanitised == false)
    }

    @Test("the largest values the columns hold are kept")
    func boundaryNumbers() throws {
        let record = #"""
            {"conversationId":"c-b","Fatal Errors":2147483647,"koreEvaluationScore":1e1000,
             "sentimentScore":-1.5e-1000,"duration":"8999999999999 ms"}
            """#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.fatalErrorCount == 2_147_483_647)
        #expect(conversation.koreEvaluationScore == dec("1e1000"))
        #expect(conversation.sentimentScore == dec("-1.5e-1000"))
        #expect(conversation.durationMs == 8_999_999_999_999)
        #expect(conversation.warnings.isEmpty)
        ScenarioReport.record("bad input: dates and numbers", runs: 1, passed: true, lost: 0, duplicated: 0)
    }
}

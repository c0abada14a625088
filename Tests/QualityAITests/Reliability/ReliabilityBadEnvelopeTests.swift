import TestSupport
import Testing

@testable import QualityAI

/// Issue 8, bad input corpus, whole pages: an HTML page, nesting deep enough to overflow a
/// recursive parser, duplicate ids, a record that changes spelling, envelope fields that lie.
@Suite(.timeLimit(.minutes(1))) struct ReliabilityBadEnvelopeTests {
    /// The page every error must name: `testContext`'s stream, window and page.
    func namesThePage(_ error: any Error) -> Bool {
        let text = "\(error)"
        return text.contains("stream stream-test") && text.contains("2026-03-23 00:00:00..2026-03-23 23:59:59")
            && text.contains("page 3")
    }

    @Test("an HTML error page is a page error of kind html naming stream, window and page")
    func htmlErrorPage() throws {
        let body = Array("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".utf8)
        let error = try #require(throws: PageDecodingError.self) {
            try PageDecoder.decode(body, context: testContext)
        }
        #expect(error.kind == .html)
        #expect(namesThePage(error))
        #expect("\(error)".contains("502 Bad Gateway"))
    }

    @Test(
        "nesting a million levels deep is a page error, not a stack overflow",
        arguments: [65, 10_000, 1_000_000])
    func deepNesting(levels: Int) throws {
        let nested = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let record = #"{"conversationId":"c-deep","custom_fields":{"k":\#(nested)}}"#
        let body = Array(#"{"results":[\#(record),{"conversationId":"good-1"}]}"#.utf8)
        let error = try #require(throws: PageDecodingError.self) {
            try PageDecoder.decode(body, context: testContext)
        }
        #expect(error.kind == .notJSON)
        #expect(namesThePage(error))
        #expect("\(error)".contains("nesting deeper than 64 levels"))
        let objects = String(repeating: #"{"a":"#, count: levels) + "1" + String(repeating: "}", count: levels)
        #expect(throws: PageDecodingError.self) { try PageDecoder.decode(Array(objects.utf8), context: testContext) }
    }

    @Test("nesting within the limit decodes, and the raw record keeps it")
    func nestingWithinTheLimit() throws {
        let nested = String(repeating: "[", count: 60) + "7" + String(repeating: "]", count: 60)
        let record = #"{"conversationId":"c-deep","custom_fields":{"k":\#(nested)}}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.customFields == [Conversation.CustomField(key: "k", value: nested)])
        #expect(conversation.raw == record)
    }

    @Test("duplicate ids inside a page both decode; the page keeps its order")
    func duplicateIdsInAPage() throws {
        let page = try decodePage(
            #"{"results":[{"conversationId":"c-1","auditor":"old"},{"conversationId":"c-2"},{"conversationId":"c-1","auditor":"new"}]}"#
        )
        #expect(page.conversations.map(\.conversationId) == ["c-1", "c-2", "c-1"])
        #expect(page.conversations.map(\.auditor) == ["old", nil, "new"])
    }

    @Test("a record that changes spelling between runs decodes to the same values")
    func spellingChangeBetweenRuns() throws {
        let camel = #"""
            {"conversationId":"c-s","AuditStatus":"Audited","koreEvaluationScore":77,"fatalErrorCount":1,
             "Agents":[{"Agent ID":"a-1","Agent Name":"Ann"}],"conversationStartTime":"2026-03-23T10:17:54Z"}
            """#
        let title = #"""
            {"Conversation ID":"c-s","Audit Status":"Audited","Kore Evaluation Score":"77","Fatal Errors":"1",
             "Agents":[{"Agent ID":"a-1","Agent Name":"Ann"}],"Conversation Start Time":"2026-03-23 10:17:54"}
            """#
        let first = try #require(try decodeRecord(camel))
        let second = try #require(try decodeRecord(title))
        #expect(modelOnly(first) == modelOnly(second))
        #expect(first.conversationStart == ts(seconds: 1_774_261_074))
        #expect(first.koreEvaluationScore == dec("77"))
    }

    @Test(
        "envelope fields of the wrong type or sign are treated as absent",
        arguments: [
            #""totalResults":-5,"totalPages":-1,"hasMore":"perhaps""#,
            #""totalResults":"lots","totalPages":{},"hasMore":[]"#,
            #""totalResults":1e999,"totalPages":99999999999999999999,"hasMore":null"#,
        ])
    func lyingEnvelopeFields(fields: String) throws {
        let page = try decodePage(#"{"results":[{"conversationId":"c-1"}],\#(fields)}"#)
        #expect(page.totalResults == nil)
        #expect(page.totalPages == nil)
        #expect(page.hasMore == nil)
        #expect(page.conversations.map(\.conversationId) == ["c-1"])
        let fine = page.totalResults == nil && page.totalPages == nil && page.hasMore == nil
        ScenarioReport.record(
            "bad input: page envelope \(fields)", runs: 1, passed: fine, lost: 1 - page.conversations.count,
            duplicated: 0)
    }
}

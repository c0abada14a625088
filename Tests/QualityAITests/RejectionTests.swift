import Testing

@testable import QualityAI

/// Unusable records are rejected with a reason; the page's other records are kept.
@Suite struct RejectionTests {
    @Test func badRecordsAreRejectedAndTheRestKept() throws {
        let page = try decodePage(
            #"""
            {"results":[
              {"conversationId":"c-1"},
              {"Language":"English"},
              "c-2",
              {"conversationId":""},
              {"Conversation ID":42},
              null,
              {"conversationId":"   "},
              {"Conversation ID":"c-3"}],
             "totalResults":8,"hasMore":true}
            """#)
        #expect(page.resultCount == 8)
        #expect(page.conversations.map(\.conversationId) == ["c-1", "c-3"])
        #expect(page.rejections.map(\.index) == [1, 2, 3, 4, 5, 6])
        #expect(page.rejections.allSatisfy { $0.context == testContext })
        #expect(
            page.rejections.map(\.reason) == [
                #"record 1 has no conversation id (looked for conversationId, "Conversation ID")"#,
                "record 2 is a JSON string, not an object",
                #"record 3 has an empty conversation id (looked for conversationId, "Conversation ID")"#,
                #"record 4 has a conversation id that is a JSON number, not a string (looked for conversationId, "Conversation ID")"#,
                "record 5 is a JSON null, not an object",
                #"record 6 has an empty conversation id (looked for conversationId, "Conversation ID")"#,
            ])
        #expect(
            page.rejections.map(\.raw) == [
                #"{"Language":"English"}"#, #""c-2""#, #"{"conversationId":""}"#, #"{"Conversation ID":42}"#, "null",
                #"{"conversationId":"   "}"#,
            ])
        #expect(page.hasMore == true)
    }

    @Test func rawOfAHugeRejectedRecordIsCut() throws {
        let filler = String(repeating: "é", count: 40_000)
        let page = try decodePage(#"{"results":[{"note":"\#(filler)"}]}"#)
        let rejection = try #require(page.rejections.first)
        #expect(rejection.raw.utf8.count <= RejectedRecord.maximumRawBytes)
        #expect(rejection.raw.utf8.count >= RejectedRecord.maximumRawBytes - 1)
        #expect(rejection.raw.hasPrefix(#"{"note":"ééé"#))
    }

    @Test func anEmptyResultsArrayIsAnEmptyPage() throws {
        let page = try decodePage(#"{"results":[],"totalResults":0,"totalPages":0,"hasMore":false}"#)
        #expect(page.resultCount == 0)
        #expect(page.conversations.isEmpty)
        #expect(page.rejections.isEmpty)
        #expect(page.totalPages == 0)
    }
}

import Testing

@testable import QualityAI

/// Text PostgreSQL rejects (`\u0000`, invalid UTF-8, unpaired surrogates) is sanitised in `raw`
/// and in field values, and only in the records that hold it.
@Suite struct SanitisingTests {
    @Test func nulEscapeIsSanitised() throws {
        let page = try decodePage(
            #"{"results":[{"conversationId":"c-1","auditor":"Jo\u0000e","n":1.50},{"conversationId":"c-2"}]}"#)
        let first = try #require(page.conversations.first)
        #expect(first.rawWasSanitised)
        #expect(first.raw == #"{"conversationId":"c-1","auditor":"Jo\#u{FFFD}e","n":1.50}"#)
        #expect(first.auditor == "Jo\u{FFFD}e")
        #expect(page.conversations[1].rawWasSanitised == false)
        #expect(page.conversations[1].raw == #"{"conversationId":"c-2"}"#)
    }

    @Test func invalidUTF8IsSanitisedWithoutLosingThePage() throws {
        var body = Array(#"{"results":[{"conversationId":"c-1","Language":"Engl"#.utf8)
        body += [0xFF, 0xC3]
        body += Array(#"ish","Agents":[{"Agent Name":"A\"B\n"}]},{"conversationId":"c-2"}]}"#.utf8)
        let page = try PageDecoder.decode(body, context: testContext)
        #expect(page.conversations.map(\.conversationId) == ["c-1", "c-2"])
        let first = page.conversations[0]
        #expect(first.rawWasSanitised)
        #expect(
            first.raw
                == #"{"conversationId":"c-1","Language":"Engl\#u{FFFD}\#u{FFFD}ish","Agents":[{"Agent Name":"A\"B\n"}]}"#
        )
        #expect(first.language == "Engl\u{FFFD}\u{FFFD}ish")
        #expect(first.agents.first?.name == "A\"B", "text fields are trimmed")
        let reparsed = try JSONParser.parse(Array(first.raw.utf8))
        #expect(reparsed.containsTextNeedingSanitising == false)
    }

    @Test func unpairedSurrogateIsSanitisedAndPairsAreKept() throws {
        let page = try decodePage(
            #"{"results":[{"conversationId":"c-1","src":"\ud800x"},{"conversationId":"c-2","src":"\ud83d\ude00"}]}"#)
        #expect(page.conversations[0].rawWasSanitised)
        #expect(page.conversations[0].src == "\u{FFFD}x")
        #expect(page.conversations[0].raw == #"{"conversationId":"c-1","src":"\#u{FFFD}x"}"#)
        #expect(page.conversations[1].rawWasSanitised == false)
        #expect(page.conversations[1].src == "😀")
        #expect(page.conversations[1].raw == #"{"conversationId":"c-2","src":"\ud83d\ude00"}"#)
    }

    @Test func controlCharactersAreReEscaped() throws {
        let page = try decodePage(#"{"results":[{"conversationId":"c","a":"\u0000","b":"\u0001\t\\"}]}"#)
        #expect(page.conversations.first?.raw == #"{"conversationId":"c","a":"\#u{FFFD}","b":"\u0001\t\\"}"#)
    }
}

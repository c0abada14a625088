import TestSupport
import Testing

@testable import QualityAI

/// Issue 8, bad input corpus, record by record: hostile records decode to correct values, become
/// typed NULLs with a warning, or are quarantined with a reason; their neighbours always decode.
@Suite(.timeLimit(.minutes(1))) struct ReliabilityBadRecordTests {
    /// A record every test puts beside the hostile one: it must come out exactly like this.
    static let neighbour = #"{"conversationId":"good-1","auditor":"Ann","Fatal Errors":2}"#

    func expectNeighbour(_ page: DecodedPage, _ scenario: String, hostileRecords: Int = 1) {
        let good = page.conversations.first { $0.conversationId == "good-1" }
        #expect(good?.auditor == "Ann")
        #expect(good?.fatalErrorCount == 2)
        #expect(good?.raw == Self.neighbour)
        #expect(page.resultCount == hostileRecords + 1)
        ScenarioReport.record(
            "bad input: \(scenario)", runs: 1, passed: good != nil, lost: good == nil ? 1 : 0,
            duplicated: page.conversations.count(where: { $0.conversationId == "good-1" }) > 1 ? 1 : 0)
    }

    @Test("a wrong type in every field gives typed NULLs and one warning per field, never a crash")
    func wrongTypesInEveryField() throws {
        let hostile = #"""
            {"conversationId":"c-w","customConversationId":{"a":1},"contact_direction":[1],
             "is_direction_defaulted":"maybe","duration_status":{},"language":[],"conversationStartTime":true,
             "conversationEndTime":{"t":1},"duration":"forever","koreEvaluationScore":"high",
             "fatalErrorCount":"many","AuditStatus":[["Audited"]],"AuditScore":{},"audit_date":"yesterday",
             "auditor":[],"Agents":"Ann","Queues":42,"Metrics":true,"generatedIntents":"billing",
             "custom_fields":"x","agentRecordings":{"u":1},"sentimentScore":[0.5],"IsPassed":"perhaps"}
            """#
        let page = try decodePage(#"{"results":[\#(hostile),\#(Self.neighbour)]}"#)
        let conversation = try #require(page.conversations.first)
        #expect(modelOnly(conversation) == Conversation(conversationId: "c-w"))
        // 22 fields after the id, each unusable.
        #expect(conversation.warnings.count == 22)
        #expect(conversation.warnings.contains { $0.hasPrefix("fatalErrorCount: unusable string") })
        #expect(page.rejections.isEmpty)
        expectNeighbour(page, "wrong types in every field")
    }

    @Test("a 10 MB name loads whole; a 10 MB id quarantines only its record, with a reason and a cut raw")
    func tenMegabyteStrings() throws {
        let huge = String(repeating: "x", count: 10 << 20)
        let longName = #"{"conversationId":"c-name","Agents":[{"Agent ID":"a-1","Agent Name":"\#(huge)"}]}"#
        let longId = #"{"conversationId":"\#(huge)","auditor":"Bo"}"#
        let page = try decodePage(#"{"results":[\#(longName),\#(longId),\#(Self.neighbour)]}"#)
        #expect(page.conversations.map(\.conversationId) == ["c-name", "good-1"])
        #expect(page.conversations[0].agents.first?.name?.utf8.count == 10 << 20)
        let rejection = try #require(page.rejections.first)
        #expect(rejection.index == 1)
        #expect(rejection.reason.contains("record 1 has a conversation id of 10485760 bytes"))
        #expect(rejection.reason.contains("at most 512 bytes"))
        #expect(rejection.raw.utf8.count == RejectedRecord.maximumRawBytes)
        expectNeighbour(page, "10 MB strings", hostileRecords: 2)
    }

    @Test(
        "an indexed value over 512 bytes quarantines its record",
        arguments: [
            #""Agents":[{"Agent ID":"LONG"}]"#, #""Queues":[{"Queue ID":"LONG"}]"#,
            #""Metrics":[{"Metric ID":"LONG"}]"#, #""Metrics":[{"Metric Name":"LONG"}]"#,
            #""generatedIntents":[{"intent":"LONG"}]"#, #""AuditStatus":"LONG""#,
        ])
    func oversizedIndexedValues(member: String) throws {
        let long = String(repeating: "é", count: 257)
        let hostile = "{\"conversationId\":\"c-k\"," + member.replacingOccurrences(of: "LONG", with: long) + "}"
        let page = try decodePage(#"{"results":[\#(hostile),\#(Self.neighbour)]}"#)
        #expect(page.rejections.first?.reason.contains("of 514 bytes") == true)
        #expect(page.conversations.map(\.conversationId) == ["good-1"])
        let fits = String(repeating: "é", count: 256)
        let fine = "{\"conversationId\":\"c-k\"," + member.replacingOccurrences(of: "LONG", with: fits) + "}"
        #expect(try decodeRecord(fine) != nil, "512 bytes is still allowed")
        expectNeighbour(page, "oversized indexed value \(member)")
    }

    @Test("emoji, ZWJ sequences and right-to-left names come through byte for byte")
    func emojiAndRightToLeftText() throws {
        let hostile = #"""
            {"conversationId":"c-ü-👩🏽‍💻","Agents":[{"Agent ID":"a-ע","Agent Name":"مريم 👩🏽‍💻"}],
             "Queues":[{"Queue ID":"q-1","Queue Name":"\u202Eתור\u202C"}],"auditor":" 🇫🇷 Zoë "}
            """#
        let page = try decodePage(#"{"results":[\#(hostile),\#(Self.neighbour)]}"#)
        let conversation = try #require(page.conversations.first)
        #expect(conversation.conversationId == "c-ü-👩🏽‍💻")
        #expect(conversation.agents.first?.id == "a-ע")
        #expect(conversation.agents.first?.name == "مريم 👩🏽‍💻")
        #expect(conversation.queues.first?.name == "\u{202E}תור\u{202C}")
        #expect(conversation.auditor == "🇫🇷 Zoë")
        #expect(conversation.rawWasSanitised == false)
        expectNeighbour(page, "emoji and RTL text")
    }

    @Test("a NUL escape is replaced by U+FFFD in values and raw; a raw NUL byte fails the page by name")
    func nulBytes() throws {
        let escaped = #"{"conversationId":"c-\u0000","Agents":[{"Agent ID":"a\u0000","Agent Name":"N\u0000"}]}"#
        let page = try decodePage(#"{"results":[\#(escaped),\#(Self.neighbour)]}"#)
        let conversation = try #require(page.conversations.first)
        #expect(conversation.conversationId == "c-\u{FFFD}")
        #expect(conversation.agents.first?.id == "a\u{FFFD}")
        #expect(conversation.agents.first?.name == "N\u{FFFD}")
        #expect(!conversation.raw.utf8.contains(0) && !conversation.raw.contains("\\u0000"))
        #expect(conversation.rawWasSanitised)
        expectNeighbour(page, "NUL bytes")

        var body = Array(#"{"results":[{"conversationId":"c-"#.utf8) + [0]
        body += Array(#""},\#(Self.neighbour)]}"#.utf8)
        let error = try #require(throws: PageDecodingError.self) {
            try PageDecoder.decode(body, context: testContext)
        }
        let text = "\(error)"
        #expect(text.contains("stream stream-test") && text.contains("page 3"))
        #expect(text.contains("2026-03-23 00:00:00..2026-03-23 23:59:59"))
        #expect(text.contains("control character byte 0x00"))
    }

    @Test("invalid UTF-8 becomes U+FFFD in the record that holds it; other records are untouched")
    func invalidUTF8() throws {
        var body = Array(#"{"results":[{"conversationId":"c-u","auditor":"Ren"#.utf8)
        body += [0xC3, 0x28, 0xF0, 0x9F, 0x98, 0xED, 0xA0, 0x80]
        body += Array(#"e"},\#(Self.neighbour)]}"#.utf8)
        let page = try PageDecoder.decode(body, context: testContext)
        let conversation = try #require(page.conversations.first)
        #expect(conversation.auditor?.hasPrefix("Ren\u{FFFD}(") == true)
        #expect(conversation.auditor?.hasSuffix("\u{FFFD}e") == true)
        #expect(conversation.rawWasSanitised)
        _ = try JSONParser.parse(Array(conversation.raw.utf8))
        expectNeighbour(page, "invalid UTF-8")
    }
}

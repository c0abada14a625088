import Testing

@testable import QualityAI

/// Type drift and "no value" markers become the right typed values, never a crash.
@Suite struct DriftTests {
    /// (JSON value of `koreEvalutionScore`, expected decimal literal or nil, expects a warning).
    @Test(
        arguments: [
            ("77", "77", false), ("-12.5", "-12.5", false), ("1e3", "1e3", false), (#""77""#, "77", false),
            (#"" 42.0 ""#, "42.0", false), ("null", nil, false), (#""NA""#, nil, false), (#""-""#, nil, false),
            (#""""#, nil, false), (#""N/A""#, nil, false), (#""abc""#, nil, true), ("[1]", nil, true),
            ("{}", nil, true), ("true", nil, true), (#""1.""#, nil, true),
        ] as [(String, String?, Bool)])
    func evaluationScore(json: String, expected: String?, warns: Bool) throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":"c","koreEvalutionScore":\#(json)}"#))
        #expect(conversation.koreEvaluationScore?.text == expected)
        #expect(conversation.warnings.isEmpty == !warns)
    }

    /// (JSON value of `duration`, expected milliseconds).
    @Test(
        arguments: [
            ("99000", 99_000), (#""99000 milliseconds""#, 99_000), (#""99 seconds""#, 99_000), (#""1.5 min""#, 90_000),
            (#""99000""#, 99_000), (#""00:01:39""#, 99_000), (#""01:39""#, 99_000), ("99000.4", 99_000),
            (#""2 hours""#, 7_200_000), (#""99 s""#, 99_000),
        ] as [(String, Int64)])
    func duration(json: String, expected: Int64) throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":"c","Duration":\#(json)}"#))
        #expect(conversation.durationMs == expected)
        #expect(conversation.warnings == [])
    }

    @Test(arguments: ["null", #""NA""#, #""-""#, #""99 parsecs""#, "[]", "true"])
    func unusableDurationIsNil(json: String) throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":"c","duration":\#(json)}"#))
        #expect(conversation.durationMs == nil)
    }

    /// (JSON value of `IsPassed`, expected boolean).
    @Test(
        arguments: [
            ("true", true), ("false", false), (#""true""#, true), (#""false""#, false), (#""YES""#, true),
            (#""NO""#, false), (#""yes""#, true), ("1", true), ("0", false), (#""1""#, true), (#""0""#, false),
            ("null", nil), (#""NA""#, nil), (#""-""#, nil), ("2", nil), (#""maybe""#, nil),
        ] as [(String, Bool?)])
    func boolean(json: String, expected: Bool?) throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":"c","IsPassed":\#(json)}"#))
        #expect(conversation.isPassed == expected)
    }

    /// `Taxonomy Resolution` is text whatever its JSON type; markers stay verbatim.
    @Test(
        arguments: [
            ("false", "false"), ("true", "true"), (#""false""#, "false"), (#""YES""#, "YES"), (#""NA""#, "NA"),
            (#""-""#, "-"), ("null", nil), ("1", "1"),
        ] as [(String, String?)])
    func taxonomyResolution(json: String, expected: String?) throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":"c","Taxonomy Resolution":\#(json)}"#))
        #expect(conversation.taxonomyResolution == expected)
    }

    @Test func missingKeysAreNilAndEmpty() throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":"c-1","unknownField":{"a":[1,2]}}"#))
        #expect(modelOnly(conversation) == Conversation(conversationId: "c-1"))
        #expect(conversation.warnings == [])
        #expect(conversation.raw == #"{"conversationId":"c-1","unknownField":{"a":[1,2]}}"#)
    }

    @Test func nullsEverywhereAreNil() throws {
        let record = #"""
            {"conversationId":"c-1","customConversationId":null,"contact_direction":null,"is_direction_defaulted":null,
             "duration_status":null,"Language":null,"conversationStartTime":null,"duration":null,"Pass Score":null,
             "fatalErrorCount":null,"AuditStatus":null,"AuditScore":null,"audit_date":null,"auditor":null,
             "Agents":null,"Queues":null,"Metrics":null,"sentimentRatio":null,"sentimentPattern":null,
             "generatedIntents":null,"configuredIntents":null,"speakingRate":null,"emotions":null,
             "custom_fields":null,"agentRecordings":null}
            """#
        let conversation = try #require(try decodeRecord(record))
        #expect(modelOnly(conversation) == Conversation(conversationId: "c-1"))
        #expect(conversation.warnings == [])
    }

    @Test func wrongTypesBecomeNilWithWarnings() throws {
        let record = #"""
            {"conversationId":"c-1","Language":["en"],"Agents":"nobody","fatalErrorCount":"many",
             "audit_date":"yesterday","Metrics":[{"Metric ID":"m-1","Metric Weight":{"v":1}},7],"AuditStatus":"Audited"}
            """#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.language == nil)
        #expect(conversation.agents == [])
        #expect(conversation.fatalErrorCount == nil)
        #expect(conversation.auditDate == nil)
        #expect(conversation.metrics == [.init(metricId: "m-1")])
        #expect(conversation.auditStatus == "Audited")
        #expect(conversation.warnings.count == 6)
        #expect(conversation.warnings.first == #"language: unusable array ["en"]"#)
    }

    @Test func aNullSpellingDoesNotEraseAnotherSpelling() throws {
        let record =
            #"{"conversationId":"c","auditStatus":"Audited","Audit Status":null,"AuditScore":"NA","auditScore":5}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.auditStatus == "Audited")
        #expect(conversation.auditScore == dec("5"))
    }

    @Test func hugeEpochNumbersAreNilNotACrash() throws {
        let record =
            #"{"conversationId":"c","conversationStartTime":1e300,"conversationEndTime":"99999999999999999999999"}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.conversationStart == nil)
        #expect(conversation.conversationEnd == nil)
        #expect(conversation.warnings.count == 2)
    }

    @Test func trimmingKeepsMultiByteCharacters() throws {
        let conversation = try #require(try decodeRecord(#"{"conversationId":" c-é ","auditor":"\tJosé Ñ\n"}"#))
        #expect(conversation.conversationId == "c-é")
        #expect(conversation.auditor == "José Ñ")
    }

    @Test func idsAreTrimmed() throws {
        let record = #"{"conversationId":"  c-7  ","Agents":[{"Agent ID":"a-1   "}],"Metrics":[{"Metric ID":"m-1 "}]}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.conversationId == "c-7")
        #expect(conversation.agents.first?.id == "a-1")
        #expect(conversation.metrics.first?.metricId == "m-1")
    }

    @Test func customFieldsAreSortedAndStringified() throws {
        let record = #"""
            {"conversationId":"c","custom_fields":{"zeta":"last","alpha":1.50,"flag":false,"none":null,
             "nested":{"k":[1,"x"]},"alpha":"again"}}
            """#
        let conversation = try #require(try decodeRecord(record))
        let fields = conversation.customFields.map { "\($0.key)=\($0.value ?? "<nil>")" }
        #expect(
            fields == ["alpha=1.50", "alpha=again", "flag=false", #"nested={"k":[1,"x"]}"#, "none=<nil>", "zeta=last"])
    }
}

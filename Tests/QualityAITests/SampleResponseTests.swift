import Testing

@testable import QualityAI

/// The vendor's own sample response, checked against values read off the page by hand.
@Suite struct SampleResponseTests {
    let page: DecodedPage

    init() throws {
        page = try decodePage(sampleResponseJSON)
    }

    @Test func envelope() {
        #expect(page.resultCount == 4)
        #expect(page.totalResults == 21)
        #expect(page.totalPages == 1)
        #expect(page.hasMore == false)
        #expect(page.rejections.isEmpty)
        #expect(
            page.conversations.map(\.conversationId) == [
                "c-0bba1c4-6d27-49d9-8557-9b0e8774xxxx", "c-8d43539-ae1e-473a-ad97-6bd2add4xxxx",
                "c-a19b658-da43-465c-9606-1abb5786xxxx", "c-94376d76-dbe2-59c6-8665-ea70217exxxx",
            ])
    }

    @Test func firstRecordAllFields() {
        var expected = Conversation(conversationId: "c-0bba1c4-6d27-49d9-8557-9b0e8774xxxx")
        expected.contactDirection = "inbound"
        expected.isDirectionDefaulted = false
        expected.auditStatus = "Audited"
        expected.auditScore = dec("77")
        expected.auditDate = ts(seconds: 1_774_269_000)
        expected.auditor = "John Doe"
        expected.queues = [.init(id: "qu-c304439-3d79-4389-b1cb-014eb75axxxx", name: "Default Queue - Q1")]
        expected.agents = [
            .init(id: "a-424ea65-322b-47c1-8189-7200b64cxxxx", name: "John Doe"),
            .init(id: "a-a25ad66-638d-46c0-b4db-7e5a7360xxxx", name: "John Doe"),
        ]
        expected.koreEvaluationScore = dec("77")
        expected.fatalErrorCount = 0
        expected.language = "English"
        expected.durationStatus = "evaluated"
        expected.metrics = [
            .init(
                metricId: "em-44758b38-816c-557b-b6a9-2d2c6297xxxx", metricName: "UK Greeting Compliance Rate GEN",
                weight: dec("28"), negativeWeight: dec("27"), qualification: "YES", isFatalError: false),
            .init(
                metricId: "em-1fd43c3f-67f9-5c30-8140-c3e534a1xxxx",
                metricName: "Manual Evaluation - UK - Manual Evaluation Metric", weight: dec("0"),
                negativeWeight: dec("0"), qualification: "-", isFatalError: false),
        ]
        #expect(modelOnly(page.conversations.first) == expected)
        #expect(page.conversations.first?.warnings == [])
    }

    @Test func nullAuditAndScoreAreNil() {
        let second = page.conversations[1]
        #expect(second.auditStatus == "Not Assigned")
        #expect(second.auditScore == nil)
        #expect(second.auditDate == nil)
        #expect(second.auditor == nil)
        #expect(second.koreEvaluationScore == nil)
        #expect(second.durationStatus == "below_threshold")
        #expect(second.contactDirection == "outbound")
        #expect(second.metrics.map(\.qualification) == [nil, nil])
        #expect(second.warnings == [])
    }

    @Test func fatalErrorRecord() {
        let third = page.conversations[2]
        #expect(third.koreEvaluationScore == dec("0"))
        #expect(third.auditScore == dec("0"))
        #expect(third.fatalErrorCount == 1)
        #expect(third.auditDate == ts(seconds: 1_774_278_600))
        #expect(third.auditor == "Jane Supervisor")
        #expect(third.metrics.map(\.isFatalError) == [false, true])
        #expect(third.metrics.map(\.qualification) == ["YES", "NO"])
    }

    @Test func customConversationIdAndWeights() {
        let fourth = page.conversations[3]
        #expect(fourth.customConversationId == "UATTranscripts_Mar23b")
        #expect(fourth.auditStatus == "Assigned")
        #expect(fourth.koreEvaluationScore == dec("9"))
        #expect(fourth.queues == [.init(id: "qu-16c07483-765f-5e2e-a150-e5b66033xxxx", name: "PublicApiQueue")])
        #expect(fourth.metrics.map(\.weight) == [dec("11"), dec("9")])
        #expect(fourth.metrics.map(\.negativeWeight) == [dec("14"), dec("12")])
    }

    @Test func rawIsTheRecordsExactText() throws {
        let first = try #require(page.conversations.first)
        #expect(first.rawWasSanitised == false)
        #expect(first.raw.hasPrefix("{\n      \"conversationId\": \"c-0bba1c4-6d27-49d9-8557-9b0e8774xxxx\","))
        #expect(first.raw.hasSuffix("\"isFatalError\": false\n        }\n      ]\n    }"))
        #expect(sampleResponseJSON.contains(first.raw))
    }
}

import Foundation
import MockAPI
import TestSupport
import Testing

/// Every key spelling and type drift listed in api-notes.md and the vendor sample appears
/// somewhere in a stream, found by searching the raw bodies and by inspecting parsed records.
@Suite struct SpellingTests {
    static let needles: [String] = [
        #""conversationId":"#, #""Conversation ID":"#, #""customConversationId":"#, #""src":"#,
        #""AuditStatus":"#, #""auditStatus":"#, #""Audit Status":"#, #""AuditScore":"#, #""auditScore":"#,
        #""Audit Score":"#, #""audit_date":"#, #""Audit Date":"#, #""auditor":"#, #""Auditor Name":"#,
        #""Audited""#, #""Assigned""#, #""Not Assigned""#, #""Unassigned""#,
        #""AuditScore":null"#, #""audit_date":null"#,
        #""koreEvalutionScore":"#, #""koreEvaluationScore":"#, #""Kore Evaluation Score":"NA""#,
        #""Kore Evaluation Score":0"#, #""Pass Score":"#, #""IsPassed":"#, #""Evaluation Form Name":"#,
        #""Evaluation Form Scoring Type":"#, #""fatalErrorCount":"#, #""Fatal Errors":"#, #""Language":"#,
        #""language":"#,
        #""Agents":[{"Agent ID":"#, #""Agents":[{"agentId":"#, #""Agent Start Time":"#, #""Agent Email":"#,
        #""Empathy Score":"#, #""agents":[{"agentId":"#, #""agentName":"#, #""agentEmail":"#,
        #""Queues":[{"Queue ID":"#, #""Queue Name":"#, #""queues":[{"queueId":"#, #""queueName":"#,
        #""Metrics":[{"Metric ID":"#, #""Metric Name":"#, #""Metric Weight":"#, #""Metric Negative Weight":"#,
        #""metrics":[{"metricId":"#, #""metricName":"#, #""metricWeight":"#, #""metricNegativeWeight":"#,
        #""isFatalError":true"#, #""Auditor Response":"#, #""triggerJustification":[{"message_id":["#,
        #""timestamp":["#, #""justification":[{"sourceSystemValue":"#, #""agentMentionedValue":"#,
        #""Qualification":"YES""#, #""Qualification":"NO""#, #""Qualification":"NA""#, #""Qualification":"-""#,
        #""qualification":"YES""#, #""qualification":"NO""#,
        #""conversationStartTime":"#, #""Conversation Start Time":"#, #""conversationEndTime":"#,
        #""Conversation End Time":"#, #""duration":"#, #""Duration":"#, #" milliseconds""#,
        #""contact_direction":"inbound""#, #""contact_direction":"outbound""#, #""contactDirection":"#,
        #""is_direction_defaulted":true"#, #""is_direction_defaulted":false"#,
        #""duration_status":"evaluated""#, #""duration_status":"below_threshold""#,
        #""duration_status":"duration_unavailable""#, #""duration_status":null"#,
        #""IsChurnRiskObserved":"#, #""IsEscalationObserved":"#,
        #""Taxonomy Resolution":true"#, #""Taxonomy Resolution":false"#, #""Taxonomy Resolution":"false""#,
        #""Taxonomy Resolution":"YES""#, #""Taxonomy Resolution":"NA""#,
        #""generatedIntents":[{"#, #""Generated Intents":[{"#, #"{"intent":"#, #"{"topic":"#, #"{"name":"#,
        #""keywords":["#, #""Sentiment":"#, #""Sentiment Score":"#, #""confidence":"#, #""resolution":"#,
        #""configuredIntents":{"topics":[{"topic_name":"#, #""level":"L1""#, #""confidence_score":"#,
        #""L2_topics":[{"#, #""L3_topics":[{"#, #""total_topics_identified":"#, #""Configured_Intents":"#,
        #""configuredIntents":{"L1":"#, #""configuredIntents":[{"L1":"#, #""Intents":[{"L1":"#, #""Topics":["#,
        #""speakingRate":[{"nWords":"#, #""Speaking Rate":[{"nWords":"#, #""timeTaken":"#, #""average":"#,
        #""source":"agent""#, #""source":"customer""#, #""sourceId":"#,
        #""sentimentPattern":{"start":"#, #""Sentiment Pattern":{"start":"#, #""Customer emotions":[{"emotion":"#,
        #""Agent emotions":[{"emotion":"#, #""emotions":[{"emotion":"#, #""Emotions":[{"emotion":"#,
        #""proportion":"#, #""sentimentRatio":{"positive":"#, #""Sentiment Ratio":{"positive":"#,
        #""sentiment":"#, #""sentimentScore":null"#, #""custom_fields":{"#, #""agentRecordings":["#,
        #""customerRecordings":["#,
        "Zoë Ødegård", #"Zo\u00eb \u00d8deg\u00e5rd"#, "O'Brien", "Smith, Jr.", #"Thomas \"Tom\" Becker"#, "🌟",
        #"\ud83c\udf1f"#, "李娜",
    ]

    @Test func everySpellingAppearsAcrossAPageSet() async throws {
        let configuration = MockHarness.configuration(conversations: 1_500)
        let pages = try await MockHarness.withServer(configuration) { http in
            try await http.allPages(extra: #""include_below_threshold":true"#)
        }
        let text = pages.rawText
        #expect(pages.ids.count == 1_500)
        for needle in Self.needles {
            #expect(text.contains(needle), "missing \(needle)")
        }
    }

    @Test func typeDriftAndIrregularRecordsAppear() async throws {
        let configuration = MockHarness.configuration(conversations: 1_500)
        let records = try await MockHarness.withServer(configuration) { http in
            try await http.allPages(extra: #""include_below_threshold":true"#).records
        }
        func start(_ record: [String: Any]) -> String? {
            (record["conversationStartTime"] ?? record["Conversation Start Time"]) as? String
        }
        func metrics(_ record: [String: Any]) -> [[String: Any]] {
            (record["Metrics"] ?? record["metrics"]) as? [[String: Any]] ?? []
        }
        func metricId(_ entry: [String: Any]) -> String? { (entry["Metric ID"] ?? entry["metricId"]) as? String }
        let starts = records.compactMap(start)
        #expect(
            starts.contains {
                $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil
            })
        #expect(
            starts.contains { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil })
        #expect(records.contains { start($0) == nil && $0["duration"] == nil && $0["Duration"] == nil })
        #expect(
            records.contains { (($0["conversationId"] ?? $0["Conversation ID"]) as? String)?.hasSuffix(" ") == true })
        #expect(records.contains { metrics($0).contains { metricId($0) == nil } })
        #expect(
            records.contains { record in
                let ids = metrics(record).compactMap(metricId)
                return Set(ids).count < ids.count
            })
        #expect(records.contains { metrics($0).contains { $0["Qualification"] == nil && $0["qualification"] == nil } })
        #expect(records.contains { ($0["koreEvalutionScore"] as? Int ?? 0) < 0 })
        #expect(records.contains { $0["koreEvalutionScore"] is NSNull })
        #expect(records.contains { ($0["Duration"] as? String)?.hasSuffix(" milliseconds") == true })
        #expect(records.contains { $0["Duration"] is Int })
        #expect(records.contains { $0["auditScore"] == nil && $0["auditStatus"] as? String == "Not Assigned" })
    }
}

import Testing

@testable import QualityAI

/// Every metric entry is kept, in order: duplicates, entries without id, justifications.
@Suite struct MetricTests {
    @Test func duplicatesAndIdLessEntriesAreAllKeptInOrder() throws {
        let record = #"""
            {"conversationId":"c","Metrics":[
              {"Metric ID":"m-1","Metric Name":"Greeting","Qualification":"YES"},
              {"Metric Name":"No id at all","Qualification":"NO"},
              {"Metric ID":"m-1","Metric Name":"Greeting","Qualification":"NA"},
              {"Qualification":"-"},
              {"Metric ID":"m-2","Metric Name":"Sign-off"}]}
            """#
        let metrics = try #require(try decodeRecord(record)).metrics
        #expect(metrics.map(\.metricId) == ["m-1", nil, "m-1", nil, "m-2"])
        #expect(metrics.map(\.metricName) == ["Greeting", "No id at all", "Greeting", nil, "Sign-off"])
        #expect(metrics.map(\.qualification) == ["YES", "NO", "NA", "-", nil])
    }

    @Test func justificationIsKeptAsJSONText() throws {
        let record = #"""
            {"conversationId":"c","metrics":[
              {"metricId":"m-1","Auditor Response":"Agreed","triggerJustification":[{"message_id":["x"],"timestamp":[1711189074120]}]},
              {"metricId":"m-2","justification":[{"sourceSystemValue":"A","agentMentionedValue":"B"}]},
              {"metricId":"m-3","triggerJustification":null,"justification":[]}]}
            """#
        let metrics = try #require(try decodeRecord(record)).metrics
        #expect(
            metrics.map(\.justification) == [
                #"[{"message_id":["x"],"timestamp":[1711189074120]}]"#,
                #"[{"sourceSystemValue":"A","agentMentionedValue":"B"}]"#,
                "[]",
            ])
        #expect(metrics.first?.auditorResponse == "Agreed")
    }

    @Test func aSingleMetricObjectIsAListOfOne() throws {
        let record = #"{"conversationId":"c","metrics":{"metricId":"m-9","metricWeight":"5"}}"#
        let metrics = try #require(try decodeRecord(record)).metrics
        #expect(metrics == [.init(metricId: "m-9", weight: dec("5"))])
    }
}

import Foundation
import MockAPI
import TestSupport
import Testing

/// The ground-truth endpoints agree with what the raw data endpoint serves, read field by field
/// through Foundation's parser in whichever spelling each record uses.
@Suite struct TruthTests {
    static func score(_ record: [String: Any]) -> Int? {
        (record["koreEvalutionScore"] ?? record["koreEvaluationScore"] ?? record["Kore Evaluation Score"]) as? Int
    }

    static func list(_ record: [String: Any], _ keys: String...) -> [[String: Any]] {
        keys.lazy.compactMap { record[$0] as? [[String: Any]] }.first ?? []
    }

    @Test func windowAggregatesMatchTheServedRecords() async throws {
        let (pages, truth) = try await MockHarness.withServer(MockHarness.configuration(conversations: 500)) { http in
            (
                try await http.allPages(extra: #""include_below_threshold":true"#),
                try await http.truth(
                    from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: true)
            )
        }
        let records = pages.records
        #expect(truth["conversationCount"] as? Int == 500)
        let metrics = records.flatMap { Self.list($0, "Metrics", "metrics") }
        let agents = records.flatMap { Self.list($0, "Agents", "agents") }
        let queues = records.flatMap { Self.list($0, "Queues", "queues") }
        #expect(truth["metricEntryCount"] as? Int == metrics.count)
        #expect(
            truth["metricEntriesWithoutId"] as? Int
                == metrics.filter { $0["Metric ID"] == nil && $0["metricId"] == nil }.count)
        #expect(truth["agentLinkCount"] as? Int == agents.count)
        #expect(truth["queueLinkCount"] as? Int == queues.count)
        #expect(
            truth["distinctAgentIds"] as? [String]
                == Set(agents.compactMap { ($0["Agent ID"] ?? $0["agentId"]) as? String }).sorted())
        #expect(
            truth["distinctQueueIds"] as? [String]
                == Set(queues.compactMap { ($0["Queue ID"] ?? $0["queueId"]) as? String }).sorted())
        let scores = records.compactMap(Self.score)
        #expect(truth["evaluationScore"] as? [String: Int] == ["sum": scores.reduce(0, +), "count": scores.count])
        var statuses: [String: Int] = [:]
        var directions: [String: Int] = [:]
        for record in records {
            statuses[record["duration_status"] as? String ?? "null", default: 0] += 1
            directions[((record["contact_direction"] ?? record["contactDirection"]) as? String) ?? "?", default: 0] += 1
        }
        #expect(truth["byDurationStatus"] as? [String: Int] == statuses)
        #expect(truth["byDirection"] as? [String: Int] == directions)
        let withoutStart = records.filter { $0["conversationStartTime"] == nil && $0["Conversation Start Time"] == nil }
        #expect(truth["withoutStartTime"] as? Int == withoutStart.count)
        #expect((truth["perDay"] as? [String: Int])?.values.reduce(0, +) == 500)
    }

    @Test func conversationDetailMatchesItsRecordFieldByField() async throws {
        try await MockHarness.withServer(MockHarness.configuration(conversations: 200)) { http in
            _ = try await http.post("/mock/epoch", json: #"{"epoch":1}"#)
            let records = try await http.allPages(extra: #""include_below_threshold":true"#).records
            for record in records {
                let id = try #require(conversationId(record))
                let detail = try await http.get("/mock/truth/conversation/st-test/\(id)").json()
                #expect(detail["conversationId"] as? String == id)
                #expect(
                    detail["renderedId"] as? String == (record["conversationId"] ?? record["Conversation ID"])
                        as? String)
                #expect(detail["koreEvaluationScore"] as? Int == Self.score(record))
                let duration = (record["duration"] ?? record["Duration"]).flatMap { value -> Int? in
                    if let number = value as? Int { return number }
                    return (value as? String).flatMap { Int($0.replacingOccurrences(of: " milliseconds", with: "")) }
                }
                #expect(detail["durationMs"] as? Int == duration)
                let start = (record["conversationStartTime"] ?? record["Conversation Start Time"]) as? String
                #expect((detail["start"] as? String)?.prefix(19) == start?.prefix(19))
                let status = (record["AuditStatus"] ?? record["auditStatus"] ?? record["Audit Status"]) as? String
                #expect(detail["auditStatus"] as? String == (status == "Unassigned" ? "Not Assigned" : status))
                let agents = Self.list(record, "Agents", "agents").map {
                    [
                        ($0["Agent ID"] ?? $0["agentId"]) as? String ?? "",
                        ($0["Agent Name"] ?? $0["agentName"]) as? String ?? "",
                    ]
                }
                let truthAgents = (detail["agents"] as? [[String: Any]] ?? []).map {
                    [$0["agentId"] as? String ?? "", $0["agentName"] as? String ?? ""]
                }
                #expect(agents == truthAgents)
                let metricIds = Self.list(record, "Metrics", "metrics").map {
                    ($0["Metric ID"] ?? $0["metricId"]) as? String
                }
                let truthMetricIds = (detail["metrics"] as? [[String: Any]] ?? []).map { $0["metricId"] as? String }
                #expect(metricIds == truthMetricIds)
                let qualifications = Self.list(record, "Metrics", "metrics").map {
                    ($0["Qualification"] ?? $0["qualification"]) as? String
                }
                #expect(
                    qualifications
                        == (detail["metrics"] as? [[String: Any]] ?? []).map { $0["qualification"] as? String })
            }
            #expect(try await http.get("/mock/truth/conversation/st-test/c-unknown").status == 404)
        }
    }
}

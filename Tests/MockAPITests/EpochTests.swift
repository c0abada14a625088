import Foundation
import MockAPI
import TestSupport
import Testing

/// Advancing the epoch changes audit fields (forward only, dates after the conversation and before
/// "now"), the manual metric's answer and some agent names; nothing else.
@Suite struct EpochTests {
    static let auditKeys: Set<String> = [
        "AuditStatus", "AuditScore", "audit_date", "auditor", "auditStatus", "auditScore", "Audit Status",
        "Audit Score", "Audit Date", "Auditor Name",
    ]
    static let manualMetric = "Manual Evaluation - UK - Manual Evaluation Metric"

    /// A record without what an epoch may change, serialised with sorted keys for comparison.
    static func stable(_ record: [String: Any]) throws -> Data {
        var copy = record.filter { !auditKeys.contains($0.key) }
        for key in ["Agents", "agents"] {
            if let agents = copy[key] as? [[String: Any]] {
                copy[key] = agents.map { $0.filter { $0.key != "Agent Name" && $0.key != "agentName" } }
            }
        }
        for key in ["Metrics", "metrics"] {
            if let metrics = copy[key] as? [[String: Any]] {
                copy[key] = metrics.map { entry in
                    let manual = (entry["Metric Name"] ?? entry["metricName"]) as? String == manualMetric
                    return manual
                        ? entry.filter { !["Qualification", "qualification", "Auditor Response"].contains($0.key) }
                        : entry
                }
            }
        }
        return try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys])
    }

    static func audit(_ record: [String: Any]) -> (status: String, score: Int?, date: String?, auditor: String?) {
        let status = (record["AuditStatus"] ?? record["auditStatus"] ?? record["Audit Status"]) as? String ?? "?"
        let score = (record["AuditScore"] ?? record["auditScore"] ?? record["Audit Score"]) as? Int
        let date = (record["audit_date"] ?? record["Audit Date"]) as? String
        let auditor = (record["auditor"] ?? record["Auditor Name"]) as? String
        return (status == "Unassigned" ? "Not Assigned" : status, score, date.map(normalised), auditor)
    }

    /// `YYYY-MM-DD HH:MM:SS` from either the spaced or the ISO form.
    static func normalised(_ time: String) -> String {
        String(time.prefix(19).map { $0 == "T" ? " " : $0 })
    }

    static func agentNames(_ records: [[String: Any]]) -> [String: Set<String>] {
        var names: [String: Set<String>] = [:]
        for record in records {
            for agent in (record["Agents"] ?? record["agents"]) as? [[String: Any]] ?? [] {
                let id = (agent["Agent ID"] ?? agent["agentId"]) as? String ?? "?"
                let name = (agent["Agent Name"] ?? agent["agentName"]) as? String ?? "?"
                names[id, default: []].insert(name)
            }
        }
        return names
    }

    @Test func advancingChangesOnlyAuditFieldsAndAgentNames() async throws {
        let configuration = MockHarness.configuration(conversations: 600)
        try await MockHarness.withServer(configuration) { http in
            let below = #""include_below_threshold":true"#
            var epochs = [try await http.allPages(extra: below)]
            for expected in 1...3 {
                let advanced = try await http.post("/mock/epoch/advance").json()
                #expect(advanced["epoch"] as? Int == expected)
                epochs.append(try await http.allPages(extra: below))
            }
            let rank = ["Not Assigned": 0, "Assigned": 1, "Audited": 2]
            var changedAudits = 0
            var redoneAudits = 0
            for (before, after) in zip(epochs, epochs.dropFirst()) {
                #expect(before.ids == after.ids)
                for (old, new) in zip(before.records, after.records) {
                    #expect(try Self.stable(old) == Self.stable(new))
                    let (was, now) = (Self.audit(old), Self.audit(new))
                    #expect(rank[now.status, default: -1] >= rank[was.status, default: 9])
                    if was.status != now.status { changedAudits += 1 }
                    if was.status == "Audited", now.status == "Audited", was.date != now.date {
                        redoneAudits += 1
                        #expect(now.date! > was.date!)
                    }
                }
                let (oldNames, newNames) = (Self.agentNames(before.records), Self.agentNames(after.records))
                #expect(newNames.values.allSatisfy { $0.count == 1 })
                #expect(oldNames.keys.sorted() == newNames.keys.sorted())
                #expect(oldNames.contains { newNames[$0.key] != $0.value })
            }
            #expect(changedAudits > 0)
            #expect(redoneAudits > 0)
            for record in epochs[3].records {
                let audit = Self.audit(record)
                #expect(
                    (audit.status == "Audited") == (audit.score != nil && audit.date != nil && audit.auditor != nil))
                guard let date = audit.date else { continue }
                #expect(date <= "2026-03-24 00:00:00")
                if let end = (record["conversationEndTime"] ?? record["Conversation End Time"]) as? String {
                    #expect(date > Self.normalised(end))
                }
            }
        }
    }

    @Test func truthFollowsTheEpochAndEpochZeroComesBack() async throws {
        try await MockHarness.withServer { http in
            let original = try await http.rawData(body: requestBody(limit: 100)).body
            let set = try await http.post("/mock/epoch", json: #"{"epoch":2}"#).json()
            #expect(set["epoch"] as? Int == 2)
            let pages = try await http.allPages(extra: #""include_below_threshold":true"#)
            let truth = try await http.truth(
                from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: true)
            #expect(truth["epoch"] as? Int == 2)
            var counts: [String: Int] = [:]
            for record in pages.records { counts[Self.audit(record).status, default: 0] += 1 }
            #expect(counts == truth["byAuditStatus"] as? [String: Int])
            let scores = pages.records.compactMap { Self.audit($0).score }
            let auditScore = truth["auditScore"] as? [String: Int]
            #expect(auditScore?["count"] == scores.count)
            #expect(auditScore?["sum"] == scores.reduce(0, +))
            _ = try await http.post("/mock/epoch", json: #"{"epoch":0}"#)
            #expect(try await http.rawData(body: requestBody(limit: 100)).body == original)
            #expect(try await http.post("/mock/epoch", json: #"{"epoch":-1}"#).status == 400)
        }
    }

    @Test func configuredEpochIsTheStartingPoint() async throws {
        var configuration = MockHarness.configuration()
        configuration.epoch = 2
        let (fromConfig, viaControl) = try await (
            MockHarness.withServer(configuration) { try await $0.rawData(body: requestBody()).body },
            MockHarness.withServer { http in
                _ = try await http.post("/mock/epoch", json: #"{"epoch":2}"#)
                return try await http.rawData(body: requestBody()).body
            }
        )
        #expect(fromConfig == viaControl)
    }
}

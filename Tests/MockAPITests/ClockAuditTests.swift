import Foundation
import MockAPI
import TestSupport
import Testing

/// As the simulated clock moves, audit fields only move forward, each audit date is the time its
/// change became visible (never after now), the served records agree with the truth, and agents
/// are renamed at their own times; nothing else about a record changes.
@Suite struct ClockAuditTests {
    static let rank = ["Not Assigned": 0, "Assigned": 1, "Audited": 2]

    @Test func auditStatesMoveForwardAndDatesAreChangeTimes() async throws {
        let day = ClockHarness.day
        let end = MockHarness.end
        let configuration = ClockHarness.configuration(conversations: 400, now: end - 2 * day)
        try await ClockHarness.withServer(configuration) { http, _ in
            var last: [String: (status: String, date: String?, stable: Data)] = [:]
            var (assignments, audits, reaudits) = (0, 0, 0)
            var firstNames: [String: Set<String>] = [:]
            var lastNames: [String: Set<String>] = [:]
            var now = end - 2 * day
            while now <= end + 24 * day {
                try await http.setClock(now)
                let records = try await http.allClockPages().records
                let truth = Dictionary(
                    uniqueKeysWithValues: try TruthConversation.list(try await http.clockTruth()).map { ($0.id, $0) })
                #expect(truth.count == records.count)
                for record in records {
                    let id = try #require(conversationId(record))
                    let audit = EpochTests.audit(record)
                    let expected = try #require(truth[id])
                    #expect(audit.status == expected.auditStatus)
                    #expect(audit.score == expected.auditScore)
                    #expect(audit.date == expected.auditDate)
                    #expect(audit.auditor == expected.auditor)
                    #expect(expected.changes.map(\.time) == expected.changes.map(\.time).sorted())
                    #expect(expected.changes.last?.time == expected.auditChangedAt)
                    #expect(expected.changes.allSatisfy { $0.time >= expected.end && $0.time <= now })
                    if let date = audit.date {
                        let seconds = try #require(ClockHarness.seconds(date))
                        #expect(seconds == expected.auditChangedAt)
                        #expect(seconds <= now)
                        #expect(seconds > expected.end)
                    }
                    #expect(
                        (audit.status == "Audited") == (audit.score != nil && audit.date != nil && audit.auditor != nil)
                    )
                    let stable = try EpochTests.stable(record)
                    if let before = last[id] {
                        #expect(Self.rank[audit.status, default: -1] >= Self.rank[before.status, default: 9])
                        #expect(stable == before.stable)
                        if before.status != audit.status, audit.status == "Assigned" { assignments += 1 }
                        if before.status != "Audited", audit.status == "Audited" { audits += 1 }
                        if before.status == "Audited", let old = before.date, let new = audit.date, old != new {
                            reaudits += 1
                            #expect(new > old)
                        }
                    }
                    last[id] = (audit.status, audit.date, stable)
                }
                let names = EpochTests.agentNames(records)
                #expect(names.values.allSatisfy { $0.count == 1 })
                if firstNames.isEmpty { firstNames = names }
                lastNames = names
                now += day / 2
            }
            #expect(assignments > 0)
            #expect(audits > 20)
            #expect(reaudits > 0)
            #expect(firstNames.contains { lastNames[$0.key] != nil && lastNames[$0.key] != $0.value })
            let renames = try await http.clockTruth(details: false)["agentRenameTimes"] as? [Int] ?? []
            #expect(renames.count >= 3)
            #expect(renames == renames.sorted())
        }
    }
}

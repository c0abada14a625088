import Foundation
import MockAPI
import TestSupport
import Testing

/// In clock mode a conversation exists (served, counted, in the truth) only once it has ended, and
/// the truth answers for any simulated time asked without moving the clock.
@Suite struct ClockVisibilityTests {
    static let end = MockHarness.end

    @Test func conversationsAppearOnlyOnceTheyHaveEnded() async throws {
        let day = ClockHarness.day
        let configuration = ClockHarness.configuration(conversations: 600, now: Self.end - 2 * day)
        try await ClockHarness.withServer(configuration) { http, _ in
            let everything = try TruthConversation.list(try await http.clockTruth(at: String(Self.end + 60 * day)))
            #expect(everything.count == 600)
            var previous: Set<String> = []
            var runningAtSomeStep = 0
            for now in [Self.end - 2 * day, Self.end - 36 * 3_600, Self.end - day, Self.end - 6 * 3_600, Self.end + 1] {
                try await http.setClock(now)
                let pages = try await http.allClockPages()
                let served = Set(pages.ids)
                let expected = Set(everything.filter { $0.end <= now }.map(\.id))
                #expect(served == expected)
                #expect(pages.ids.count == served.count)
                #expect(pages.totals.allSatisfy { $0 == expected.count })
                #expect(previous.isSubset(of: served))
                runningAtSomeStep += everything.filter { $0.start <= now && $0.end > now }.count
                for record in pages.records {
                    let start = (record["conversationStartTime"] ?? record["Conversation Start Time"]) as? String
                    let finish = (record["conversationEndTime"] ?? record["Conversation End Time"]) as? String
                    if let start { #expect(try #require(ClockHarness.seconds(start)) <= now) }
                    if let finish { #expect(try #require(ClockHarness.seconds(finish)) <= now) }
                }
                let truth = try await http.clockTruth()
                #expect(truth["conversationCount"] as? Int == expected.count)
                #expect(Set(truth["ids"] as? [String] ?? []) == expected)
                previous = served
            }
            #expect(runningAtSomeStep > 0)
            #expect(previous.count == 600)
        }
    }

    @Test func truthAnswersForPastAndFutureTimes() async throws {
        let now = Self.end - ClockHarness.day
        try await ClockHarness.withServer(ClockHarness.configuration(conversations: 300, now: now)) { http, _ in
            let past = try await http.clockTruth(at: "0")
            #expect(past["conversationCount"] as? Int == 0)
            #expect(past["mode"] as? String == "clock")
            let current = try await http.clockTruth()
            let atNow = try await http.clockTruth(at: "2026-03-23 00:00:00")
            #expect(current["at"] as? Int == Int(now))
            #expect(current["atTime"] as? String == "2026-03-23 00:00:00")
            #expect(current["ids"] as? [String] == atNow["ids"] as? [String])
            #expect(current["byAuditStatus"] as? [String: Int] == atNow["byAuditStatus"] as? [String: Int])
            let future = try await http.clockTruth(at: "2026-04-30T00:00:00Z")
            #expect(future["conversationCount"] as? Int == 300)
            let audited = { (truth: [String: Any]) in (truth["byAuditStatus"] as? [String: Int])?["Audited"] ?? 0 }
            #expect(audited(future) > audited(current))
            let clock = try await http.get("/mock/clock").json()
            #expect(clock["now"] as? Int == Int(now))

            let nowIds = Set(current["ids"] as? [String] ?? [])
            let later = try #require((future["ids"] as? [String])?.first { !nowIds.contains($0) })
            let path = "/mock/truth/conversation/st-test/\(later)"
            #expect(try await http.get(path).status == 404)
            let detail = try await http.get(path + "?at=\(Self.end + 40 * ClockHarness.day)")
            #expect(detail.status == 200)
            #expect(try detail.json()["auditChanges"] is [Any])
            #expect(try detail.json()["conversationId"] as? String == later)
            #expect(try await http.get("/mock/truth?stream=st-test&at=yesterday").status == 400)
            #expect(try await http.get("/mock/truth?stream=st-test&epoch=1").status == 409)
            let summary = try await http.clockTruth(details: false)
            #expect(summary["conversations"] == nil)
            #expect(summary["conversationCount"] as? Int == current["conversationCount"] as? Int)
        }
    }
}

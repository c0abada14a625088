import Foundation
import MockAPI
import TestSupport
import Testing

/// `missingIdEvery` serves the chosen conversations without their id on every request, leaves the
/// rest of each record as it was, and the window truth names the conversations it picked.
@Suite struct MissingIdTests {
    static let window = (from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59")
    static let belowThreshold = #""include_below_threshold":true"#

    /// A record as JSON with sorted keys, for comparing parsed records.
    static func canonical(_ record: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    }

    @Test func everyKthConversationLosesItsIdAndTheTruthNamesIt() async throws {
        let (plain, before, faulty, again, truth) = try await MockHarness.withServer { http in
            let plain = try await http.allPages(extra: Self.belowThreshold)
            let before = try await http.truth(from: Self.window.from, to: Self.window.to, includeBelowThreshold: true)
            let set = try await http.post("/mock/faults", json: #"{"missingIdEvery":7}"#)
            guard set.status == 200 else { throw HarnessError(description: "faults refused: \(set.text)") }
            let faulty = try await http.allPages(extra: Self.belowThreshold)
            let again = try await http.allPages(extra: Self.belowThreshold)
            let truth = try await http.truth(from: Self.window.from, to: Self.window.to, includeBelowThreshold: true)
            return (plain, before, faulty, again, truth)
        }
        // The whole generated range in one window: the served order is the stream's position order.
        #expect(plain.records.count == 300)
        #expect(before["servedWithoutId"] as? [String] == [])
        let missing = faulty.records.indices.filter { conversationId(faulty.records[$0]) == nil }
        #expect(missing == Array(stride(from: 6, to: 300, by: 7)))
        #expect(again.records.indices.filter { conversationId(again.records[$0]) == nil } == missing)
        #expect(missing.allSatisfy { faulty.records[$0]["src"] == nil })
        let expectedIds = missing.map { plain.ids[$0] }.sorted()
        #expect(truth["servedWithoutId"] as? [String] == expectedIds)
        #expect(truth["conversationCount"] as? Int == 300)
        for (index, record) in faulty.records.enumerated() {
            var original = plain.records[index]
            if missing.contains(index) {
                for key in ["conversationId", "Conversation ID", "src"] { original[key] = nil }
            }
            #expect(try Self.canonical(record) == Self.canonical(original), "record \(index) differs")
        }
    }
}

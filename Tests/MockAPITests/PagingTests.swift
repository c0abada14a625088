import Foundation
import MockAPI
import TestSupport
import Testing

/// Paging, totals, filters and window boundaries, checked against the mock's ground truth
/// (computed from its canonical model, not from the served JSON) and hand arithmetic.
@Suite struct PagingTests {
    @Test func concatenatedPagesEqualTheTruthWithoutDuplicates() async throws {
        let (pages, truth) = try await MockHarness.withServer { http in
            (
                try await http.allPages(limit: 7, extra: #""include_below_threshold":true"#),
                try await http.truth(
                    from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: true)
            )
        }
        let ids = pages.ids
        #expect(ids.count == 300)
        #expect(Set(ids).count == ids.count)
        #expect(ids.sorted() == truth["ids"] as? [String])
        #expect(pages.totals.allSatisfy { $0 == 300 })
        #expect(pages.totalPages.allSatisfy { $0 == 43 })  // ceil(300 / 7)
        #expect(pages.replies.count == 43)
        #expect(pages.hasMore.dropLast().allSatisfy { $0 })
        #expect(pages.hasMore.last == false)
    }

    @Test func offsetAndPageCombineAsOffsetPlusPagesBefore() async throws {
        let (all, combined) = try await MockHarness.withServer { http in
            (
                try await http.rawData(body: requestBody(limit: 100)).json(),
                try await http.rawData(body: requestBody(offset: 5, page: 3, limit: 10)).json()
            )
        }
        let allIds = (all["results"] as? [[String: Any]] ?? []).compactMap(conversationId)
        let combinedIds = (combined["results"] as? [[String: Any]] ?? []).compactMap(conversationId)
        #expect(combinedIds == Array(allIds[25..<35]))  // 5 + (3 - 1) * 10
        #expect(combined["hasMore"] as? Bool == true)
    }

    @Test func pageBeyondTheEndIsEmptyWithTotals() async throws {
        let json = try await MockHarness.withServer { http in
            try await http.rawData(body: requestBody(page: 50, limit: 100)).json()
        }
        #expect((json["results"] as? [Any])?.isEmpty == true)
        #expect(json["hasMore"] as? Bool == false)
        #expect((json["totalResults"] as? Int ?? 0) > 0)
    }

    @Test func belowThresholdContactsAreExcludedUnlessAsked() async throws {
        let (excluded, included, truthWithout, truthWith, viaQuery) = try await MockHarness.withServer { http in
            (
                try await http.allPages(), try await http.allPages(extra: #""include_below_threshold":true"#),
                try await http.truth(
                    from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: false),
                try await http.truth(
                    from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: true),
                try await http.rawData(body: requestBody(), query: "?include_below_threshold=true").json()
            )
        }
        let belowThreshold = (truthWith["byDurationStatus"] as? [String: Int])?["below_threshold"] ?? 0
        #expect(belowThreshold > 0)
        #expect(excluded.ids.sorted() == truthWithout["ids"] as? [String])
        #expect(included.ids.count == excluded.ids.count + belowThreshold)
        #expect(!excluded.records.contains { $0["duration_status"] as? String == "below_threshold" })
        #expect(
            included.records.filter { $0["duration_status"] as? String == "below_threshold" }.count == belowThreshold)
        #expect(viaQuery["totalResults"] as? Int == included.ids.count)
    }

    @Test func windowEndsAreInclusiveToTheSecond() async throws {
        try await MockHarness.withServer { http in
            let truth = try await http.truth(
                from: "2026-03-22 00:00:00", to: "2026-03-22 23:59:59", includeBelowThreshold: true)
            let id = try #require((truth["ids"] as? [String])?.first)
            let detail = try await http.get("/mock/truth/conversation/st-test/\(id)").json()
            let at = try #require(detail["filterTime"] as? String)
            let second = try #require(Self.seconds(at))
            func ids(_ from: Int64, _ to: Int64) async throws -> [String] {
                try await http.allPages(
                    startDate: Self.format(from), endDate: Self.format(to), extra: #""include_below_threshold":true"#
                ).ids
            }
            #expect(try await ids(second - 100, second).contains(id))
            #expect(try await !ids(second - 100, second - 1).contains(id))
            #expect(try await ids(second, second + 100).contains(id))
            #expect(try await !ids(second + 1, second + 100).contains(id))
            #expect(try await ids(second, second).contains(id))
        }
    }

    @Test func directionFilterMatchesTruth() async throws {
        let (pages, truth) = try await MockHarness.withServer { http in
            (
                try await http.allPages(extra: #""contact_direction":"outbound""#),
                try await http.truth(
                    from: "2026-03-21 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: false,
                    extra: "&contact_direction=outbound")
            )
        }
        #expect(!pages.records.isEmpty)
        #expect(
            pages.records.allSatisfy { ($0["contact_direction"] ?? $0["contactDirection"]) as? String == "outbound" })
        #expect(pages.ids.sorted() == truth["ids"] as? [String])
    }

    @Test func customFieldFilterKeepsOnlyRecordsWithAllPairs() async throws {
        let (all, filtered) = try await MockHarness.withServer { http in
            (
                try await http.allPages(),
                try await http.allPages(extra: #""custom_fields":{"region":"EMEA","tier":"gold"}"#)
            )
        }
        let expected = all.records.filter {
            let fields = $0["custom_fields"] as? [String: String]
            return fields?["region"] == "EMEA" && fields?["tier"] == "gold"
        }.compactMap(conversationId)
        #expect(!expected.isEmpty)
        #expect(filtered.ids == expected)
        #expect(filtered.totals.first == expected.count)
    }

    static func seconds(_ text: String) -> Int64? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970) }
    }

    static func format(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

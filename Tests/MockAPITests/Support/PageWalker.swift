import Foundation

/// Every page of one window, fetched by following `hasMore`, parsed by Foundation.
struct PageSet {
    var replies: [Reply] = []
    var records: [[String: Any]] = []
    var totals: [Int] = []
    var totalPages: [Int] = []
    var hasMore: [Bool] = []

    /// Conversation ids (trimmed) in the order served.
    var ids: [String] { records.compactMap(conversationId) }

    /// All raw bodies joined, for searching key spellings.
    var rawText: String { replies.map(\.text).joined(separator: "\n") }
}

extension MockHTTP {
    func allPages(
        stream: String = "st-test", limit: Int = 100, startDate: String = "2026-03-21 00:00:00",
        endDate: String = "2026-03-23 23:59:59", extra: String = ""
    ) async throws -> PageSet {
        var set = PageSet()
        for page in 1...1_000 {
            let reply = try await rawData(
                stream: stream,
                body: requestBody(page: page, limit: limit, startDate: startDate, endDate: endDate, extra: extra))
            guard reply.status == 200 else {
                throw HarnessError(description: "page \(page) answered \(reply.status): \(reply.text.prefix(200))")
            }
            let json = try reply.json()
            set.replies.append(reply)
            set.records += json["results"] as? [[String: Any]] ?? []
            set.totals.append(json["totalResults"] as? Int ?? -1)
            set.totalPages.append(json["totalPages"] as? Int ?? -1)
            let more = json["hasMore"] as? Bool ?? false
            set.hasMore.append(more)
            if !more { break }
        }
        return set
    }
}

/// A record's conversation id in either spelling, trailing spaces trimmed.
func conversationId(_ record: [String: Any]) -> String? {
    let id = (record["conversationId"] ?? record["Conversation ID"]) as? String
    return id?.trimmingCharacters(in: .whitespaces)
}

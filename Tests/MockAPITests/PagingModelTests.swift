import Foundation
import MockAPI
import TestSupport
import Testing

/// The mock serves each way an API might combine `offset` and `page` (issue 15, part 2). The
/// expected pages are the default (additive) model's pages at indexes worked out by hand.
@Suite struct PagingModelTests {
    /// The `results` of one answer.
    static func results(_ reply: Reply) throws -> NSArray {
        let object = try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [String: Any]
        return try #require(object?["results"] as? NSArray, "no results in \(reply.text.prefix(200))")
    }

    static func page(_ http: MockHTTP, offset: Int, page: Int) async throws -> NSArray {
        let reply = try await http.rawData(body: requestBody(offset: offset, page: page, limit: 10))
        try #require(reply.status == 200, "\(reply.status): \(reply.text.prefix(200))")
        return try results(reply)
    }

    @Test func eachModelServesTheResultsItsRuleNames() async throws {
        try await MockHarness.withServer { http in
            // Additive: results 0-9, 10-19, 20-29.
            let first = try await Self.page(http, offset: 0, page: 1)
            let second = try await Self.page(http, offset: 0, page: 2)
            let third = try await Self.page(http, offset: 20, page: 1)
            #expect(first.count == 10 && second.count == 10 && third.count == 10)
            #expect(!first.isEqual(second) && !second.isEqual(third))
            #expect(try await Self.page(http, offset: 10, page: 2).isEqual(third))
            _ = try await http.post("/mock/faults", json: #"{"pagingModel":"page"}"#)
            #expect(try await Self.page(http, offset: 10, page: 1).isEqual(first))
            #expect(try await Self.page(http, offset: 20, page: 2).isEqual(second))
            _ = try await http.post("/mock/faults", json: #"{"pagingModel":"offset"}"#)
            #expect(try await Self.page(http, offset: 0, page: 2).isEqual(first))
            #expect(try await Self.page(http, offset: 10, page: 3).isEqual(second))
            _ = try await http.post("/mock/faults", json: #"{"pagingModel":"mixed"}"#)
            #expect(try await Self.page(http, offset: 20, page: 2).isEqual(third))
            #expect(try await Self.page(http, offset: 0, page: 2).isEqual(second))
        }
    }

    @Test func offsetsPastMaxOffsetAre400() async throws {
        try await MockHarness.withServer { http in
            _ = try await http.post("/mock/faults", json: #"{"pagingModel":"offset","maxOffset":100}"#)
            let allowed = try await http.rawData(body: requestBody(offset: 100, page: 1, limit: 10))
            #expect(allowed.status == 200)
            let refused = try await http.rawData(body: requestBody(offset: 110, page: 1, limit: 10))
            #expect(refused.status == 400)
            #expect(refused.text.contains("offset must be between 0 and 100"), "\(refused.text)")
        }
    }
}

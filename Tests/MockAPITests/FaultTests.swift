import Foundation
import MockAPI
import TestSupport
import Testing

/// Faults set through `POST /mock/faults` (or the configuration) hit exactly the requests they name.
@Suite struct FaultTests {
    /// Sets faults, then sends `count` identical raw data requests.
    static func replies(_ faults: String, count: Int, _ http: MockHTTP) async throws -> [Reply] {
        let set = try await http.post("/mock/faults", json: faults)
        guard set.status == 200 else { throw HarnessError(description: "faults refused: \(set.text)") }
        var replies: [Reply] = []
        for _ in 0..<count { replies.append(try await http.rawData(body: requestBody(limit: 20))) }
        return replies
    }

    @Test func every3rdRequestIs429WithRetryAfterSeconds() async throws {
        let replies = try await MockHarness.withServer { http in
            try await Self.replies(
                #"{"rateLimitEvery":3,"retryAfter":"seconds","retryAfterSeconds":2}"#, count: 6, http)
        }
        #expect(replies.map(\.status) == [200, 200, 429, 200, 200, 429])
        #expect(replies[2].headers[.retryAfter] == "2")
        #expect(
            try replies[2].vendorError().message
                == "You've exceeded the per-minute rate limit. Wait for sometime before retrying.")
        #expect(try replies[2].vendorError().code == 429)
    }

    @Test func retryAfterAsHTTPDateOrAbsent() async throws {
        let (dated, bare) = try await MockHarness.withServer { http in
            (
                try await Self.replies(#"{"rateLimitEvery":1,"retryAfter":"httpDate"}"#, count: 1, http)[0],
                try await Self.replies(#"{"rateLimitEvery":1,"retryAfter":"none"}"#, count: 1, http)[0]
            )
        }
        #expect(dated.status == 429)
        let date = try #require(dated.headers[.retryAfter])
        #expect(
            date.range(
                of: #"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$"#, options: .regularExpression)
                != nil)
        #expect(bare.status == 429)
        #expect(bare.headers[.retryAfter] == nil)
    }

    @Test func rateLimitMessageInA200Or503Body() async throws {
        let (ok, unavailable) = try await MockHarness.withServer { http in
            (
                try await Self.replies(#"{"rateLimitBodyEvery":2,"rateLimitBodyStatus":200}"#, count: 4, http),
                try await Self.replies(#"{"rateLimitBodyEvery":1,"rateLimitBodyStatus":503}"#, count: 1, http)
            )
        }
        let messages = [
            "You've exceeded the per-minute rate limit. Wait for sometime before retrying.",
            "Rate limit for this API has been reached. Please try again later",
        ]
        #expect(ok.map(\.status) == [200, 200, 200, 200])
        #expect(try ok[0].json()["results"] != nil)
        #expect(try ok[1].vendorError().message == messages[1])
        #expect(try ok[3].vendorError().message == messages[1])
        #expect(unavailable[0].status == 503)
        #expect(try unavailable[0].vendorError().message == messages[0])
    }

    @Test func serverErrorRateIsSeededAndRepeatable() async throws {
        let (first, second, all) = try await MockHarness.withServer { http in
            (
                try await Self.replies(#"{"serverErrorRate":0.5}"#, count: 30, http).map(\.status),
                try await Self.replies(#"{"serverErrorRate":0.5}"#, count: 30, http).map(\.status),
                try await Self.replies(#"{"serverErrorRate":1}"#, count: 5, http).map(\.status)
            )
        }
        #expect(first == second)
        #expect(first.contains(200))
        #expect(first.contains { $0 >= 500 })
        #expect(all.allSatisfy { [500, 502, 503, 504].contains($0) })
    }

    @Test func truncatedBodyIsHalfAValidBody() async throws {
        let replies = try await MockHarness.withServer { http in
            try await Self.replies(#"{"truncatedBodyEvery":2}"#, count: 2, http)
        }
        #expect(replies.map(\.status) == [200, 200])
        #expect(throws: (any Error).self) { try replies[1].json() }
        #expect(replies[1].body == Array(replies[0].body.prefix(replies[0].body.count / 2)))
        #expect(replies[1].headers[.contentLength] == String(replies[1].body.count))
    }

    @Test func htmlErrorPageWithStatus200() async throws {
        let reply = try await MockHarness.withServer { http in
            try await Self.replies(#"{"htmlErrorEvery":1}"#, count: 1, http)[0]
        }
        #expect(reply.status == 200)
        #expect(reply.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(reply.text.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func droppedConnectionFailsTheRequest() async throws {
        try await MockHarness.withServer { http in
            _ = try await http.post("/mock/faults", json: #"{"dropConnectionEvery":2}"#)
            #expect(try await http.rawData(body: requestBody()).status == 200)
            await #expect(throws: (any Error).self) { try await http.rawData(body: requestBody()) }
            #expect(try await http.rawData(body: requestBody()).status == 200)
        }
    }

    @Test func stuckPagingRepeatsPageOne() async throws {
        let (first, second, third) = try await MockHarness.withServer { http in
            _ = try await http.post("/mock/faults", json: #"{"stuckPaging":true}"#)
            return (
                try await http.rawData(body: requestBody(page: 1, limit: 10)).body,
                try await http.rawData(body: requestBody(page: 2, limit: 10)).body,
                try await http.rawData(body: requestBody(page: 3, limit: 10)).body
            )
        }
        #expect(first == second)
        #expect(first == third)
    }

    @Test func requestsPerMinuteLimiterAnswers429WithWait() async throws {
        let replies = try await MockHarness.withServer { http in
            try await Self.replies(#"{"requestsPerMinute":3}"#, count: 5, http)
        }
        #expect(replies.map(\.status) == [200, 200, 200, 429, 429])
        let wait = try #require(replies[3].headers[.retryAfter].flatMap { Int($0) })
        #expect((1...60).contains(wait))
    }

    @Test func maxFaultsInARowServesTheNextAttemptOfThatRequest() async throws {
        let statuses = try await MockHarness.withServer { http in
            _ = try await http.post("/mock/faults", json: #"{"rateLimitEvery":1,"maxFaultsInARow":2}"#)
            var statuses: [Int] = []
            for offset in [0, 0, 5, 0, 0, 5, 5, 5, 5] {
                statuses.append(try await http.rawData(body: requestBody(offset: offset, limit: 5)).status)
            }
            return statuses
        }
        // Every request is a 429 unless its own body already failed twice in a row; a clean answer
        // starts that body's count again. Another body in between does not reset it.
        #expect(statuses == [429, 429, 429, 200, 429, 429, 200, 429, 429])
    }

    @Test func faultsFromTheConfigurationAndEchoedByGet() async throws {
        let configuration = MockHarness.configuration(
            faults: FaultConfiguration(rateLimitEvery: 2, delayMilliseconds: 5))
        let (statuses, faults) = try await MockHarness.withServer(configuration) { http in
            (
                [
                    try await http.rawData(body: requestBody()).status,
                    try await http.rawData(body: requestBody()).status,
                ],
                try await http.get("/mock/faults").json()
            )
        }
        #expect(statuses == [200, 429])
        #expect(faults["rateLimitEvery"] as? Int == 2)
        #expect(faults["delayMilliseconds"] as? Int == 5)
        #expect(faults["stuckPaging"] as? Bool == false)
    }

    @Test func malformedFaultConfigurationIs400() async throws {
        let status = try await MockHarness.withServer { http in
            try await http.post("/mock/faults", json: #"{"rateLimitEvery":"often"}"#).status
        }
        #expect(status == 400)
    }
}

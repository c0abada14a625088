import Foundation
import MockAPI
import TestSupport
import Testing

/// `/mock/stats` counts raw data requests per stream, status and fault, with timestamps.
@Suite struct StatsTests {
    @Test func countersMatchWhatWasSent() async throws {
        let configuration = MockHarness.configuration(streams: ["st-a", "st-b"])
        let stats = try await MockHarness.withServer(configuration) { http in
            _ = try await http.post("/mock/faults", json: #"{"rateLimitEvery":4}"#)
            for _ in 0..<3 { _ = try await http.rawData(stream: "st-a", body: requestBody(limit: 5)) }
            _ = try await http.rawData(stream: "st-b", body: requestBody(limit: 5))
            _ = try await http.rawData(stream: "st-b", body: requestBody(limit: 5), token: nil)
            _ = try await http.rawData(stream: "st-x", body: requestBody(limit: 5))
            _ = try await http.rawData(stream: "st-a", body: requestBody(), method: .get)
            _ = try await http.get("/mock/truth?stream=st-a")
            return try await http.get("/mock/stats").json()
        }
        #expect(stats["rawDataRequests"] as? Int == 7)
        #expect(stats["byStream"] as? [String: Int] == ["st-a": 4, "st-b": 2, "st-x": 1])
        #expect(stats["byStatus"] as? [String: Int] == ["200": 3, "401": 1, "404": 1, "405": 1, "429": 1])
        #expect((stats["faults"] as? [String: Int])?["rateLimited"] == 1)
        #expect(stats["pagesServed"] as? Int == 3)
        #expect(stats["recordsServed"] as? Int == 15)
        let times = try #require(stats["requestTimesMs"] as? [Int])
        #expect(times.count == 7)
        #expect(times == times.sorted())
        let perMinute = try #require(stats["perMinute"] as? [String: Int])
        #expect(perMinute.values.reduce(0, +) == 7)
        #expect(
            perMinute.keys.allSatisfy {
                $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d$"#, options: .regularExpression) != nil
            })
    }

    @Test func resetClearsCountersAndRestartsFaultCounting() async throws {
        let (stats, statuses) = try await MockHarness.withServer { http in
            _ = try await http.post("/mock/faults", json: #"{"rateLimitEvery":2}"#)
            _ = try await http.rawData(body: requestBody())
            let reset = try await http.post("/mock/reset-stats")
            #expect(reset.status == 200)
            let statuses = [
                try await http.rawData(body: requestBody()).status, try await http.rawData(body: requestBody()).status,
            ]
            return (try await http.get("/mock/stats").json(), statuses)
        }
        #expect(statuses == [200, 429])
        #expect(stats["rawDataRequests"] as? Int == 2)
        #expect((stats["faults"] as? [String: Int])?["rateLimited"] == 1)
    }

    @Test func infoDescribesTheDataSet() async throws {
        let info = try await MockHarness.withServer { http in try await http.get("/mock/info").json() }
        #expect(info["streams"] as? [String] == ["st-test"])
        #expect(info["conversationsPerStream"] as? Int == 300)
        #expect(info["start"] as? String == "2026-03-21 00:00:00")
        #expect(info["end"] as? String == "2026-03-24 00:00:00")
        #expect(info["epoch"] as? Int == 0)
    }
}

import MockAPI
import TestSupport
import Testing

/// The data is a pure function of (seed, stream, index, epoch): two servers with one seed serve the
/// same bytes; another seed or stream serves other data.
@Suite struct DeterminismTests {
    static func page(_ configuration: MockAPIConfiguration, stream: String = "st-test") async throws -> [UInt8] {
        try await MockHarness.withServer(configuration) { http in
            try await http.rawData(
                stream: stream, body: requestBody(page: 2, limit: 50, extra: #""include_below_threshold":true"#)
            ).body
        }
    }

    @Test func sameSeedServesTheSameBytes() async throws {
        let first = try await Self.page(MockHarness.configuration(seed: 11))
        let second = try await Self.page(MockHarness.configuration(seed: 11))
        #expect(first.count > 10_000)
        #expect(first == second)
    }

    @Test func anotherSeedServesOtherData() async throws {
        let first = try await Self.page(MockHarness.configuration(seed: 11))
        let other = try await Self.page(MockHarness.configuration(seed: 12))
        #expect(first != other)
    }

    @Test func streamsHoldDifferentConversations() async throws {
        let configuration = MockHarness.configuration(streams: ["st-a", "st-b"])
        let (a, b) = try await MockHarness.withServer(configuration) { http in
            (try await http.allPages(stream: "st-a").ids, try await http.allPages(stream: "st-b").ids)
        }
        #expect(!a.isEmpty)
        #expect(Set(a).isDisjoint(with: b))
    }

    @Test func repeatedRequestsOnOneServerAreIdentical() async throws {
        let (first, second) = try await MockHarness.withServer { http in
            (try await http.rawData(body: requestBody()).body, try await http.rawData(body: requestBody()).body)
        }
        #expect(first == second)
    }
}

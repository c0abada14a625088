import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@Suite("the uninterrupted reference load the crash tests compare with")
struct ReferenceLoadTests {
    @Test("the reference warehouse holds what the mock's ground truth says a correct load holds")
    func referenceMatchesTruth() async throws {
        let mock = try await CrashFixture.fastMock.value
        let reference = try await CrashFixture.reference.value
        let url =
            "\(mock.baseURL)/mock/truth?stream=\(CrashFixture.stream)&from=2025-12-18T00:00:00"
            + "&to=2025-12-31T23:59:59&include_below_threshold=true"
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        let truth = try #require(
            try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
        let conversations = try #require(truth["conversationCount"] as? Int)
        let rows = Dictionary(uniqueKeysWithValues: reference.fingerprint.tables.map { ($0.name, $0.rows) })

        #expect(conversations == CrashFixture.conversations)
        #expect(rows["fact_conversation"] == conversations)
        #expect(rows["fact_audit_history"] == conversations, "one first-seen audit state per conversation")
        #expect(rows["fact_metric"] == truth["metricEntryCount"] as? Int)
        #expect(rows["bridge_conversation_agent"] == truth["agentLinkCount"] as? Int)
        #expect(rows["bridge_conversation_queue"] == truth["queueLinkCount"] as? Int)
        #expect(rows["dim_agent"] == (truth["distinctAgentIds"] as? [Any])?.count)
        #expect(rows["dim_queue"] == (truth["distinctQueueIds"] as? [Any])?.count)
        #expect(rows["etl_slice"] == CrashFixture.slices)
        #expect(reference.run.status == "succeeded")
        #expect(reference.run.fetched == conversations)
    }
}

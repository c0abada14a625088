import Foundation
import Hummingbird
import HummingbirdTesting
import MockAPI
import TestSupport

/// The mock API tests' data set, and a mock reached through `MockHTTP`.
extension MockHarness {
    /// 2026-03-24 00:00:00 UTC, worked out by hand: the end of every test data set.
    static let end: Int64 = 1_774_310_400

    static let rawDataPath = "/qualityai/api/v1/public/qualitymanagement/app"

    static func configuration(
        conversations: Int = 300, days: Int = 3, seed: UInt64 = 7, streams: [String] = ["st-test"],
        faults: FaultConfiguration = FaultConfiguration(), clientId: String? = nil
    ) -> MockAPIConfiguration {
        MockAPIConfiguration(
            host: "127.0.0.1", port: 0, streams: streams, conversationsPerStream: conversations, days: days, end: end,
            seed: seed, clientId: clientId, faults: faults)
    }

    /// Starts a mock on 127.0.0.1 port 0 for one test, talks HTTP to it, and stops it.
    static func withServer<Value>(
        _ configuration: MockAPIConfiguration = MockHarness.configuration(),
        _ body: (MockHTTP) async throws -> Value
    ) async throws -> Value {
        try await with(configuration) { harness in try await body(MockHTTP(port: harness.port)) }
    }
}

/// One HTTP answer as the tests see it.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed by Foundation (independent of the mock's writer).
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw HarnessError(description: "body is not a JSON object: \(text.prefix(200))")
        }
        return object
    }

    /// The vendor error message and code of an error answer.
    func vendorError() throws -> (message: String, code: Int) {
        let errors = try json()["errors"] as? [[String: Any]]
        guard let first = errors?.first, let message = first["msg"] as? String, let code = first["code"] as? Int else {
            throw HarnessError(description: "not a vendor error body: \(text.prefix(200))")
        }
        return (message, code)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

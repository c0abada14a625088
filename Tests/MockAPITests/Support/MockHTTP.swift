import Foundation
import Hummingbird
import HummingbirdTesting
import MockAPI
import TestSupport

/// A plain HTTP client for the mock (HummingbirdTesting's `TestClient`, one connection per request).
struct MockHTTP: Sendable {
    let port: Int

    typealias FieldName = HTTPFields.Element.Name

    func send(_ method: HTTPRequest.Method, _ path: String, headers: [(String, String)] = [], body: String? = nil)
        async throws -> Reply
    {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let fieldName = FieldName(name) else { throw HarnessError(description: "bad header name \(name)") }
            fields.append(HTTPFields.Element(name: fieldName, value: value))
        }
        let request = TestClient.Request(
            path, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(request)
        }
        return Reply(
            status: Int(response.status.code), headers: response.headers,
            body: response.body.map { Array(buffer: $0) } ?? [])
    }

    func get(_ path: String) async throws -> Reply {
        try await send(.get, path)
    }

    func post(_ path: String, json: String = "{}") async throws -> Reply {
        try await send(.post, path, headers: [("Content-Type", "application/json")], body: json)
    }

    /// A raw data request with the vendor's headers (each can be left out by passing nil).
    func rawData(
        stream: String = "st-test", body: String, token: String? = TestToken.valid, accountId: String? = "acc-123",
        orgId: String? = "o-123", method: HTTPRequest.Method = .post, prefix: String = MockHarness.rawDataPath,
        query: String = ""
    ) async throws -> Reply {
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        if let token { headers.append(("auth", token)) }
        if let accountId { headers.append(("accountId", accountId)) }
        if let orgId { headers.append(("orgId", orgId)) }
        return try await send(method, "\(prefix)/\(stream)/rawdata\(query)", headers: headers, body: body)
    }

    /// The ground truth of a window, as parsed JSON.
    func truth(stream: String = "st-test", from: String, to: String, includeBelowThreshold: Bool, extra: String = "")
        async throws -> [String: Any]
    {
        let query =
            "stream=\(stream)&from=\(Self.encode(from))&to=\(Self.encode(to))"
            + "&include_below_threshold=\(includeBelowThreshold)\(extra)"
        let reply = try await get("/mock/truth?\(query)")
        guard reply.status == 200 else {
            throw HarnessError(description: "truth answered \(reply.status): \(reply.text)")
        }
        return try reply.json()
    }

    static func encode(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "%20")
    }
}

/// A raw data request body; nil fields are left out.
func requestBody(
    offset: Int? = 0, page: Int? = nil, limit: Int? = 100, startDate: String? = "2026-03-21 00:00:00",
    endDate: String? = "2026-03-23 23:59:59", extra: String = ""
) -> String {
    var fields: [String] = []
    if let offset { fields.append("\"offset\":\(offset)") }
    if let page { fields.append("\"page\":\(page)") }
    if let limit { fields.append("\"limit\":\(limit)") }
    if let startDate { fields.append("\"startDate\":\"\(startDate)\"") }
    if let endDate { fields.append("\"endDate\":\"\(endDate)\"") }
    if !extra.isEmpty { fields.append(extra) }
    return "{" + fields.joined(separator: ",") + "}"
}

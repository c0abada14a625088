import AsyncHTTPClient
import Foundation

/// The mock's ground truth and control endpoints, over HTTP: what a correct loader must end up
/// with, never computed by the code under test.
public struct MockTruth: Sendable {
    public let baseURL: String
    public let http: HTTPClient

    public init(baseURL: String, http: HTTPClient) {
        self.baseURL = baseURL
        self.http = http
    }

    /// The aggregates of a stream's window (the whole generated range by default), below-threshold
    /// contacts included as the loader requests them.
    public func window(stream: String, from: Int64? = nil, to: Int64? = nil, epoch: Int? = nil) async throws
        -> WindowTruthReport
    {
        var query = "stream=\(Self.encoded(stream))&include_below_threshold=true"
        if let from { query += "&from=\(Self.time(from))" }
        if let to { query += "&to=\(Self.time(to))" }
        if let epoch { query += "&epoch=\(epoch)" }
        return try JSONDecoder().decode(WindowTruthReport.self, from: try await get("/mock/truth?\(query)"))
    }

    /// One conversation's canonical values (at `epoch`, the current one by default).
    public func conversation(stream: String, id: String, epoch: Int? = nil) async throws -> Data {
        let query = epoch.map { "?epoch=\($0)" } ?? ""
        return try await get("/mock/truth/conversation/\(Self.encoded(stream))/\(Self.encoded(id))\(query)")
    }

    /// Many conversations' canonical values, decoded as `type`, fetched eight at a time.
    public func conversations<T: Decodable & Sendable>(
        _ type: T.Type, stream: String, ids: [String], epoch: Int? = nil
    ) async throws -> [String: T] {
        try await withThrowingTaskGroup(of: (String, T).self) { group in
            var result: [String: T] = [:]
            var pending = ids[...]
            func next() {
                guard let id = pending.popFirst() else { return }
                group.addTask {
                    (
                        id,
                        try JSONDecoder().decode(
                            T.self, from: try await conversation(stream: stream, id: id, epoch: epoch))
                    )
                }
            }
            for _ in 0..<8 { next() }
            while let (id, value) = try await group.next() {
                result[id] = value
                next()
            }
            return result
        }
    }

    /// Switches the mock's faults (`FaultConfiguration` as JSON; `{}` turns them all off).
    public func setFaults(_ json: String) async throws {
        _ = try await send("/mock/faults", body: json)
    }

    /// Moves the mock to its next late-audit epoch; returns the new epoch.
    public func advanceEpoch() async throws -> Int {
        let body = try await send("/mock/epoch/advance", body: "{}")
        let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        guard let epoch = object?["epoch"] as? Int else {
            throw MockTruthError(description: "the mock answered no epoch")
        }
        return epoch
    }

    /// Zeroes the mock's request counters (`/mock/reset-stats`).
    public func resetStats() async throws {
        _ = try await send("/mock/reset-stats", body: "{}")
    }

    /// The mock's request counters (`/mock/stats`).
    public func stats() async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await get("/mock/stats")) as? [String: Any] ?? [:]
    }

    private func get(_ path: String) async throws -> Data {
        try await send(path, body: nil)
    }

    /// GET, or POST when there is a body.
    private func send(_ path: String, body: String?) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL + path)
        if let body {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(body.utf8))
        }
        let response = try await http.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else {
            throw MockTruthError(
                description:
                    "\(path) answered \(response.status.code): \(String(decoding: bytes.readableBytesView, as: UTF8.self))"
            )
        }
        return Data(bytes.readableBytesView)
    }

    /// `text` percent-encoded for a query string or a path segment: only RFC 3986's unreserved
    /// characters stay as they are.
    public static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: .init(
                charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    /// `YYYY-MM-DDTHH:MM:SS` for a query string.
    public static func time(_ seconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }
}

/// The mock did not answer as expected.
public struct MockTruthError: Error, CustomStringConvertible {
    public var description: String
}

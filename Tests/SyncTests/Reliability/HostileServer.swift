import Foundation
import QualityAI
import TestSupport

/// A vendor on 127.0.0.1 that serves a fixed list of records, given as raw bytes so that they can
/// hold what no Swift string can (invalid UTF-8). It filters by each record's time and pages by
/// `page` and `limit` like the real API; auth headers are ignored. A script for the shared
/// `ScriptedServer`, so the sync pipeline can be fed hostile pages end to end.
struct HostileServer: Sendable {
    /// One record: its start second (for window filtering) and its JSON bytes.
    struct Record: Sendable {
        var time: Int64
        var json: [UInt8]
    }

    let records: [Record]

    /// Runs `body` with the server's base URL; the server stops when `body` returns.
    func run<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        try await ScriptedServer.run({ request in ScriptedResponse(body: answer(request.body)) }) { server in
            try await body(server.baseURL)
        }
    }

    /// The page a request body asks for: records of `[startDate, endDate]` in time order.
    func answer(_ request: [UInt8]) -> [UInt8] {
        guard let fields = try? JSONSerialization.jsonObject(with: Data(request)) as? [String: Any],
            let page = fields["page"] as? Int, let limit = fields["limit"] as? Int,
            let start = (fields["startDate"] as? String).flatMap(VendorTimestamp.parse),
            let end = (fields["endDate"] as? String).flatMap(VendorTimestamp.parse)
        else { return Array(#"{"errors":[{"msg":"bad body"}]}"#.utf8) }
        let matching = records.filter { $0.time >= start && $0.time <= end }
        let slice = matching.dropFirst((page - 1) * limit).prefix(limit)
        var body = Array(#"{"results":["#.utf8)
        for (index, record) in slice.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += record.json
        }
        body += Array(#"],"totalResults":\#(matching.count),"hasMore":\#(page * limit < matching.count)}"#.utf8)
        return body
    }
}

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import QualityAI

/// A vendor on 127.0.0.1 that serves a fixed list of records, given as raw bytes so that they can
/// hold what no Swift string can (invalid UTF-8). It filters by each record's time and pages by
/// `page` and `limit` like the real API; auth headers are ignored. A trimmed copy of the client
/// tests' `ScriptedServer`, so the sync pipeline can be fed hostile pages end to end.
struct HostileServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// One record: its start second (for window filtering) and its JSON bytes.
    struct Record: Sendable {
        var time: Int64
        var json: [UInt8]
    }

    let records: [Record]

    /// Runs `body` with the server's base URL; the server stops when `body` returns.
    func run<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let port = listener.channel.localAddress?.port ?? 0
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await listener.executeThenClose { inbound in
                    try await withThrowingDiscardingTaskGroup { connections in
                        for try await connection in inbound {
                            connections.addTask { await serve(connection) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body("http://127.0.0.1:\(port)")
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

    private func serve(_ connection: Connection) async {
        try? await connection.executeThenClose { inbound, outbound in
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head: body = []
                case .body(var buffer): body += buffer.readBytes(length: buffer.readableBytes) ?? []
                case .end:
                    let answer = self.answer(body)
                    var headers = HTTPHeaders([("Content-Type", "application/json")])
                    headers.add(name: "Content-Length", value: "\(answer.count)")
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: answer))))
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}

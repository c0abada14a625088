import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// One request as the scripted server saw it.
public struct ScriptedRequest: Sendable {
    public var method: String
    public var path: String
    /// Header values by lowercased name.
    public var headers: [String: String]
    public var body: [UInt8]
    /// Arrival time on the continuous clock.
    public var arrival: ContinuousClock.Instant
}

/// The answer a script gives.
public struct ScriptedResponse: Sendable {
    public var status = 200
    public var headers: [(String, String)] = [("Content-Type", "application/json")]
    public var body: [UInt8]

    public init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")], body: [UInt8])
    {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int = 200, json: String) { self.init(status: status, body: Array(json.utf8)) }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers every request with a script, and logs them:
/// the client tests script a vendor's answers, the sync tests serve hostile pages through it.
public final class ScriptedServer: Sendable {
    public typealias Script = @Sendable (ScriptedRequest) async -> ScriptedResponse
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    public let port: Int
    private let log = Mutex<[ScriptedRequest]>([])

    private init(port: Int) { self.port = port }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    public var requests: [ScriptedRequest] { log.withLock { $0 } }

    /// Runs `body` while the server answers with `script`; the server stops when `body` returns.
    public static func run<T: Sendable>(
        _ script: @escaping Script, _ body: (ScriptedServer) async throws -> T
    ) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let server = ScriptedServer(port: listener.channel.localAddress?.port ?? 0)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await listener.executeThenClose { inbound in
                    try await withThrowingDiscardingTaskGroup { connections in
                        for try await connection in inbound {
                            connections.addTask { await server.serve(connection, script) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body(server)
        }
    }

    private func serve(_ connection: Connection, _ script: Script) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body = []
                case .body(var buffer):
                    body += buffer.readBytes(length: buffer.readableBytes) ?? []
                case .end:
                    guard let head else { continue }
                    let request = ScriptedRequest(
                        method: head.method.rawValue, path: head.uri,
                        headers: Dictionary(head.headers.map { ($0.name.lowercased(), $0.value) }) { $1 }, body: body,
                        arrival: .now)
                    log.withLock { $0.append(request) }
                    let response = await script(request)
                    var headers = HTTPHeaders(response.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
                    let status = HTTPResponseStatus(statusCode: response.status)
                    try await outbound.write(
                        .head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}

import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A real HTTP proxy on 127.0.0.1 for tests: it answers `CONNECT host:port` with
/// `200 Connection established` and then tunnels bytes both ways. AsyncHTTPClient tunnels
/// `http://` requests with `CONNECT` too, so other methods (absolute-URI proxying) get `400`.
/// With `credentials` set, a request without the matching `Proxy-Authorization: Basic ...` gets
/// `407`. Every request is recorded.
public final class ConnectProxy: Sendable {
    /// The port it listens on.
    public let port: Int
    private let credentials: (user: String, password: String)?
    private let log = Mutex<[ProxiedRequest]>([])

    private init(port: Int, credentials: (user: String, password: String)?) {
        self.port = port
        self.credentials = credentials
    }

    /// `http://127.0.0.1:port`, or with `user:password@` when given.
    public func url(user: String? = nil, password: String? = nil) -> String {
        let userInfo = user.map { "\($0)\(password.map { ":\($0)" } ?? "")@" } ?? ""
        return "http://\(userInfo)127.0.0.1:\(port)"
    }

    /// Every request received so far, in arrival order (refused ones included).
    public var requests: [ProxiedRequest] { log.withLock { $0 } }

    /// Runs `body` while the proxy serves; it stops when `body` returns.
    public static func run<T: Sendable>(
        credentials: (user: String, password: String)? = nil, _ body: (ConnectProxy) async throws -> T
    ) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try ByteChannel(wrappingChannelSynchronously: channel) }
            }
        let proxy = ConnectProxy(port: listener.channel.localAddress?.port ?? 0, credentials: credentials)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await Tunnel.acceptLoop(listener) { await proxy.serve($0) } }
            defer { group.cancelAll() }
            return try await body(proxy)
        }
    }

    private func serve(_ connection: ByteChannel) async {
        let client = connection.channel
        try? await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var buffer = ByteBuffer()
            var headEnd: Int?
            while headEnd == nil, var bytes = try await iterator.next() {
                buffer.writeBuffer(&bytes)
                headEnd = buffer.readableBytesView.firstRange(of: Array("\r\n\r\n".utf8))?.lowerBound
            }
            guard let headEnd, let headText = buffer.readString(length: headEnd - buffer.readerIndex),
                let request = ProxiedRequest(head: headText), let destination = request.destination
            else {
                try await outbound.write(ByteBuffer(string: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
                return
            }
            log.withLock { $0.append(request) }
            guard isAuthorised(request) else {
                try await outbound.write(
                    ByteBuffer(
                        string: "HTTP/1.1 407 Proxy Authentication Required\r\n"
                            + "Proxy-Authenticate: Basic realm=\"qai-test\"\r\nContent-Length: 0\r\n\r\n"))
                return
            }
            let upstream = try await Tunnel.connect(host: destination.host, port: destination.port)
            buffer.moveReaderIndex(forwardBy: 4)
            try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"))
            await Tunnel.pump(
                client: client, clientIn: &iterator, clientOut: outbound, upstream: upstream, pending: buffer)
        }
    }

    private func isAuthorised(_ request: ProxiedRequest) -> Bool {
        guard let credentials else { return true }
        let expected = "Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
        return request.headers["proxy-authorization"] == expected
    }
}

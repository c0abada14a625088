import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Terminates TLS on 127.0.0.1 with a test certificate and forwards the plain bytes to an
/// upstream server on loopback (the mock API), so the mock is served over `https://`.
public final class TLSFront: Sendable {
    /// The port it listens on.
    public let port: Int
    private let accepted = Mutex(0)

    private init(port: Int) { self.port = port }

    /// `https://host:port` (the certificate names `127.0.0.1` and `localhost`).
    public func baseURL(host: String = "127.0.0.1") -> String { "https://\(host):\(port)" }

    /// Connections accepted so far (handshakes that failed included).
    public var connections: Int { accepted.withLock { $0 } }

    /// Runs `body` while TLS on a free port forwards to `upstreamPort`; stops when `body` returns.
    public static func run<T: Sendable>(
        certificates: TestCertificates, upstreamPort: Int, _ body: (TLSFront) async throws -> T
    ) async throws -> T {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificates.serverCertificate).map {
                .certificate($0)
            },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: certificates.serverKey, format: .pem)))
        let context = try NIOSSLContext(configuration: configuration)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    return try ByteChannel(wrappingChannelSynchronously: channel)
                }
            }
        let front = TLSFront(port: listener.channel.localAddress?.port ?? 0)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Tunnel.acceptLoop(listener) { connection in
                    front.accepted.withLock { $0 += 1 }
                    await front.forward(connection, to: upstreamPort)
                }
            }
            defer { group.cancelAll() }
            return try await body(front)
        }
    }

    private func forward(_ connection: ByteChannel, to upstreamPort: Int) async {
        let client = connection.channel
        try? await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            let upstream = try await Tunnel.connect(host: "127.0.0.1", port: upstreamPort)
            await Tunnel.pump(
                client: client, clientIn: &iterator, clientOut: outbound, upstream: upstream, pending: nil)
        }
    }
}

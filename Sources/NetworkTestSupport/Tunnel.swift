import NIOCore
import NIOPosix

/// A byte stream on loopback, as the proxy and the TLS front handle them.
public typealias ByteChannel = NIOAsyncChannel<ByteBuffer, ByteBuffer>

/// Copying bytes both ways between a client and an upstream server, for the test proxy and the
/// TLS front.
enum Tunnel {
    /// A plain TCP connection to `host:port`.
    static func connect(host: String, port: Int) async throws -> ByteChannel {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: host, port: port) {
            channel in
            channel.eventLoop.makeCompletedFuture { try ByteChannel(wrappingChannelSynchronously: channel) }
        }
    }

    /// Sends `pending`, then copies `upstream` to `clientOut` in a child task and `clientIn` to
    /// `upstream` here, until either side closes; then closes the other side.
    static func pump(
        client: any Channel, clientIn: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        clientOut: NIOAsyncChannelOutboundWriter<ByteBuffer>, upstream: ByteChannel, pending: ByteBuffer?
    ) async {
        let upstreamChannel = upstream.channel
        try? await upstream.executeThenClose { upstreamIn, upstreamOut in
            if let pending, pending.readableBytes > 0 { try await upstreamOut.write(pending) }
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await bytes in upstreamIn { try await clientOut.write(bytes) }
                    } catch {}
                    client.close(promise: nil)
                }
                do {
                    while let bytes = try await clientIn.next() { try await upstreamOut.write(bytes) }
                } catch {}
                upstreamChannel.close(promise: nil)
                group.cancelAll()
            }
        }
    }

    /// Runs `serve` for every connection `listener` accepts, until the task is cancelled.
    static func acceptLoop(
        _ listener: NIOAsyncChannel<ByteChannel, Never>, _ serve: @escaping @Sendable (ByteChannel) async -> Void
    ) async throws {
        try await listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { connections in
                for try await connection in inbound {
                    connections.addTask { await serve(connection) }
                }
            }
        }
    }
}

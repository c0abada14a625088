import Foundation
import Hummingbird
import Logging
import TestSupport

/// One request a ``PushReceiver`` got.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    /// Header values by lower-case name.
    var headers: [String: String]
    var body: String
}

/// A stand-in Pushgateway on 127.0.0.1 (Hummingbird, port 0): records the method, path, headers
/// and body of every request and answers each with `status`.
struct PushReceiver: Sendable {
    let port: Int
    private let log: RequestLog
    private let task: Task<Void, any Error>

    /// `http://[credentials@]127.0.0.1:port`.
    func url(credentials: String? = nil) -> String {
        "http://\(credentials.map { $0 + "@" } ?? "")127.0.0.1:\(port)"
    }

    /// Every request so far, in arrival order.
    func requests() async -> [ReceivedRequest] { await log.requests }

    /// Starts listening and returns once the port is bound.
    static func start(status: Int = 200) async throws -> PushReceiver {
        let log = RequestLog()
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            await log.append(
                ReceivedRequest(
                    method: request.method.rawValue, path: request.uri.path, headers: headers,
                    body: String(decoding: Data(buffer: body), as: UTF8.self)))
            return Response(
                status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: "receiver says \(status)\n")))
        }
        router.put("**", use: handler)
        router.post("**", use: handler)
        router.get("**", use: handler)
        router.delete("**", use: handler)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: testLogger)
        let task = Task {
            defer { continuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        for await port in ports { return PushReceiver(port: port, log: log, task: task) }
        try await task.value
        throw PushReceiverError()
    }

    /// Stops listening.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// The requests a receiver recorded.
private actor RequestLog {
    var requests: [ReceivedRequest] = []

    func append(_ request: ReceivedRequest) { requests.append(request) }
}

/// The receiver stopped before it listened.
struct PushReceiverError: Error, CustomStringConvertible {
    var description: String { "the test Pushgateway stopped before listening on 127.0.0.1; is loopback available?" }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import QualityAI
import Warehouse

/// Pushes a run's metrics to a Prometheus Pushgateway (`--metrics-push URL`) with
/// `PUT {URL}/metrics/job/qai-loader/command/<command>`: the whole group is replaced, so it always
/// holds exactly the last run's metrics (see the README's "Operations"). The push never changes
/// the run's outcome: a failure is logged at warning (`metrics.push.failed`) with the reason and
/// the HTTP status, and ``timeout`` bounds it.
struct MetricsPush: Sendable {
    var target: MetricsPushTarget
    /// The run's extra trusted CAs (`--ca-file`), for an `https://` Pushgateway. The API's proxy is
    /// not used: it was chosen for the API host, and a Pushgateway is normally inside the network.
    var caBundle: CABundle?

    /// How long a push may take, connection included.
    static let timeout: TimeAmount = .seconds(5)
    /// The text exposition format's content type.
    static let contentType = "text/plain; version=0.0.4"

    /// Puts `body` (the text exposition format) to the group of `command`; logs, never throws.
    func push(_ body: [UInt8], command: RunCommand, logger: Logger) async {
        var logger = logger
        logger[metadataKey: "metrics.push.url"] = "\(target.redacted)"
        logger[metadataKey: "metrics.push.command"] = "\(command)"
        let client = HTTPClientFactory(proxy: .direct, caBundle: caBundle).makeClient(logger: logger) {
            $0.redirectConfiguration = .disallow
            $0.timeout = HTTPClient.Configuration.Timeout(connect: Self.timeout, read: Self.timeout)
        }
        do {
            let (status, answer) = try await put(body, command: command, client: client)
            if (200..<300).contains(status.code) {
                logger.info("metrics.pushed", metadata: ["http.status": "\(status.code)"])
            } else {
                logger.warning(
                    "metrics.push.failed",
                    metadata: [
                        "http.status": "\(status.code)",
                        "reason": "the Pushgateway answered \(status.code) \(status.reasonPhrase): \(answer)",
                        "advice":
                            "\(Self.advice); a 400 names the inconsistent metric, a 401 or 403 means the credentials",
                    ])
            }
        } catch {
            logger.warning(
                "metrics.push.failed",
                metadata: [
                    "http.status": "none", "reason": "\(error)",
                    "advice": "\(Self.advice); check the URL and that the Pushgateway is reachable from here",
                ])
        }
        try? await client.shutdown()
    }

    private static let advice = "the run's data is loaded and its exit code is unchanged"

    /// Sends the request; the status and the start of the answer's body, on one line.
    private func put(_ body: [UInt8], command: RunCommand, client: HTTPClient) async throws -> (
        HTTPResponseStatus, String
    ) {
        var request = HTTPClientRequest(url: target.groupURL(command: command))
        request.method = .PUT
        request.headers.add(name: "Content-Type", value: Self.contentType)
        if let authorization = target.authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: Self.timeout)
        let answer = try await response.body.collect(upTo: 64 << 10)
        let snippet = String(decoding: answer.readableBytesView.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return (response.status, snippet)
    }
}

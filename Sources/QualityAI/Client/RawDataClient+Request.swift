import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension RawDataClient {
    /// Fetches and decodes one page, retrying transient failures as the retry policy allows.
    func fetchPage(
        _ context: PageContext, into collector: inout WindowCollector, logger: Logger
    ) async throws(APIError) -> DecodedPage {
        let policy = configuration.retryPolicy
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            do {
                return try await attemptPage(context, attempt: attempt, into: &collector, logger: logger)
            } catch {
                var error = error.at(context)
                error.attempts = attempt
                if error.code == .rateLimited { collector.count(\.rateLimited) }
                guard let wait = policy.delay(after: error, attempt: attempt, using: &generator) else { throw error }
                if error.code == .rateLimited {
                    await limiter.rateLimited(
                        for: wait, reason: "HTTP \(error.status.map(String.init) ?? "-") for stream \(context.streamId)"
                    )
                }
                logger.debug(
                    "qai.request.retry",
                    metadata: [
                        "page.number": "\(context.page)", "http.attempt": "\(attempt)", "error.code": "\(error.code)",
                        "http.status": "\(error.status.map(String.init) ?? "-")", "retry.delay": "\(wait)",
                    ])
                do {
                    try await clock.sleep(for: wait)
                } catch {
                    throw APIError(code: .cancelled).at(context)
                }
                collector.count(\.retries)
                attempt += 1
            }
        }
    }

    /// One attempt: wait for budget, send, collect the body under the cap, classify, decode.
    private func attemptPage(
        _ context: PageContext, attempt: Int, into collector: inout WindowCollector, logger: Logger
    ) async throws(APIError) -> DecodedPage {
        let grant: RateLimiter.Grant
        do {
            grant = try await limiter.acquire()
        } catch {
            throw APIError(code: .cancelled)
        }
        collector.addThrottled(grant.waited)
        let token = await tokens.token()
        var request = HTTPClientRequest(url: configuration.rawDataURL(streamId: context.streamId))
        request.method = .POST
        request.headers.add(name: "auth", value: token)
        request.headers.add(name: "accountId", value: configuration.accountId)
        request.headers.add(name: "orgId", value: configuration.orgId)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: RawDataRequestBody(context, configuration: configuration).encoded()))
        collector.count(\.requests)
        logger.debug("qai.request", metadata: ["page.number": "\(context.page)", "http.attempt": "\(attempt)"])
        let started = ContinuousClock.now
        let sent: Result<(ResponseHead, [UInt8]), APIError>
        do {
            sent = .success(try await send(request))
        } catch {
            sent = .failure(error)
        }
        await limiter.release(grant)
        let (head, body) = try sent.get()
        let status = Int(head.status.code)
        logger.debug(
            "qai.response",
            metadata: [
                "page.number": "\(context.page)", "http.status": "\(status)", "http.bytes": "\(body.count)",
                "http.duration": "\(ContinuousClock.now - started)",
            ])
        if let error = Self.failure(status: status, headers: head.headers, body: body, secrets: secrets + [token]) {
            throw error
        }
        do {
            return try PageDecoder.decode(body, context: context)
        } catch {
            let rateLimited = PageDecoder.isRateLimitMessage(body)
            throw APIError(
                code: rateLimited ? .rateLimited : .invalidResponse, status: status,
                bodySnippet: APIError.snippet(body, redacting: secrets + [token]),
                detail: rateLimited ? nil : error.reason)
        }
    }

    /// Sends the request and collects its body within the request deadline and the size cap.
    private func send(_ request: HTTPClientRequest) async throws(APIError) -> (ResponseHead, [UInt8]) {
        let timeout = configuration.requestTimeout
        let cap = configuration.maxBodyBytes
        let client = httpClient
        let logger = self.logger
        do {
            return try await withThrowingTaskGroup(of: (ResponseHead, [UInt8])?.self) { group in
                group.addTask {
                    let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(timeout))
                    let response = try await client.execute(request, deadline: deadline, logger: logger)
                    let buffer = try await response.body.collect(upTo: cap)
                    return (
                        ResponseHead(status: response.status, headers: response.headers),
                        Array(buffer.readableBytesView)
                    )
                }
                group.addTask {
                    // A grace second lets the HTTP client report its own deadline error (with the
                    // connection error behind it) before this backstop, which covers the body, fires.
                    try await Task.sleep(for: timeout + .seconds(1))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let answer = first else {
                    throw HTTPClientError.deadlineExceeded
                }
                return answer
            }
        } catch let error as NIOTooManyBytesError {
            throw APIError(code: .responseTooLarge, detail: "the body exceeded \(error.maxBytes ?? cap) bytes")
        } catch {
            throw Self.transportFailure(error)
        }
    }

    /// The status line and headers of a response.
    struct ResponseHead: Sendable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
    }

    /// Every secret the client holds, for scrubbing body snippets.
    var secrets: [String] { configuration.credentials.secrets }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

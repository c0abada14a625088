import Hummingbird

/// The answers injected faults produce.
enum FaultResponses {
    static let perMinuteMessage = "You've exceeded the per-minute rate limit. Wait for sometime before retrying."
    static let olderMessage = "Rate limit for this API has been reached. Please try again later"

    /// 429 with `Retry-After` in the configured style.
    static func tooManyRequests(_ admission: Admission, seconds: Int, nowMs: Int64) -> Response {
        var headers: HTTPFields = [:]
        switch admission.faults.retryAfter {
        case .seconds: headers[.retryAfter] = String(seconds)
        case .httpDate: headers[.retryAfter] = UTCTime.httpDate(nowMs / 1000 + Int64(seconds))
        case .none: break
        }
        return VendorError(status: .tooManyRequests, message: perMinuteMessage, code: 429, headers: headers).response()
    }

    /// The vendor's rate-limit message in a body of another status (alternating the two wordings).
    static func rateLimitBody(_ admission: Admission) -> Response {
        let message = admission.number % 2 == 1 ? perMinuteMessage : olderMessage
        return VendorError(
            status: HTTPResponse.Status(code: admission.faults.rateLimitBodyStatus), message: message, code: 429
        ).response()
    }

    static func serverError(_ admission: Admission, seed: UInt64) -> Response {
        var random = SplitMix64(keys: seed, RandomPurpose.fault.rawValue, UInt64(admission.number), 2)
        let status = [500, 502, 503, 504][random.below(4)]
        return VendorError(status: HTTPResponse.Status(code: status), message: "Internal Server Error", code: status)
            .response()
    }

    static func htmlPage() -> Response {
        let html =
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
            + "<p>The upstream server did not answer. Try again later.</p></body></html>"
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The first half of a body, with a Content-Length that matches what is sent.
    static func truncated(_ bytes: [UInt8], status: HTTPResponse.Status) -> Response {
        .json(Array(bytes.prefix(max(bytes.count / 2, 1))), status: status)
    }

    /// Promises the whole body, sends half, then fails the write so the server closes the connection.
    static func dropped(_ bytes: [UInt8]) -> Response {
        let half = ByteBuffer(bytes: bytes.prefix(max(bytes.count / 2, 1)))
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(contentLength: bytes.count) { writer in
                try await writer.write(half)
                throw DroppedConnection()
            })
    }

    struct DroppedConnection: Error, CustomStringConvertible {
        var description: String { "connection dropped on purpose by the mock's fault injection" }
    }
}

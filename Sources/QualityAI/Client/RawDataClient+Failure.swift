import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension RawDataClient {
    /// The error a response stands for, or nil for a 2xx: 429 and a rate-limit message (whatever
    /// the status) are `.rateLimited`, 5xx `.server`, 408 `.timeout`; other 4xx are final.
    static func failure(status: Int, headers: HTTPHeaders, body: [UInt8], secrets: [String]) -> APIError? {
        if (200..<300).contains(status) { return nil }
        let code: APIError.Code =
            switch status {
            case 429: .rateLimited
            case _ where PageDecoder.isRateLimitMessage(body): .rateLimited
            case 400: .badRequest
            case 401: .unauthorized
            case 403: .forbidden
            case 404: .streamNotFound
            case 408: .timeout
            case 500...599: .server
            default: .unexpectedStatus
            }
        let retryAfter = headers.first(name: "Retry-After").flatMap {
            RetryAfter.parse($0, now: Int64(Date().timeIntervalSince1970))
        }
        return APIError(
            code: code, status: status,
            vendorMessage: VendorErrorBody.message(body).map { APIError.snippet(Array($0.utf8), redacting: secrets) },
            bodySnippet: APIError.snippet(body, redacting: secrets), retryAfter: retryAfter)
    }

    /// Maps a failure to reach the server (or to hear back in time) to `.timeout`, `.tls` (a
    /// certificate or host name the handshake refused) or `.transport`.
    static func transportFailure(_ error: any Error) -> APIError {
        if error is CancellationError || Task.isCancelled { return APIError(code: .cancelled) }
        if case NIOSSLError.handshakeFailed(.sslError) = error { return APIError(code: .tls, detail: "\(error)") }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return APIError(code: .tls, detail: "\(extra)")
        }
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return APIError(code: .timeout, detail: "\(client)")
            case .cancelled:
                return APIError(code: .cancelled)
            case .proxyAuthenticationRequired:
                return APIError(
                    code: .transport,
                    detail: "the proxy refused the request (HTTP 407): give its user and password in the proxy URL")
            default:
                return APIError(code: .transport, detail: "\(client)")
            }
        }
        return APIError(code: .transport, detail: "\(error)")
    }
}

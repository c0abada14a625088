import AsyncHTTPClient
import Logging
import QualityAI

/// The API part of `qai-loader check`: one request per stream for a one-second window long ago,
/// which proves the base URL, path, account, stream ids and credentials without using much of
/// the request budget. A refused connection fails at once instead of being retried until the
/// request's deadline.
enum APICheck {
    /// 2000-01-01 00:00:00 UTC, one second.
    static let probeWindow = TimeWindow(start: 946_684_800, end: 946_684_800)

    static func run(_ settings: APIConfiguration?, http: HTTPClientFactory?, logger: Logger) async -> [CheckResult] {
        guard var settings else { return [.skip("api", "credentials", "the API settings are invalid")] }
        guard let http else { return [.skip("api", "credentials", "the network settings are invalid")] }
        settings.maxAttempts = min(settings.maxAttempts, 2)
        settings.retryBaseDelay = .milliseconds(200)
        settings.retryMaxDelay = .seconds(2)
        settings.requestTimeout = .seconds(30)
        let httpClient = http.makeClient(logger: logger) { configuration in
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.timeout.connect = .seconds(10)
        }
        var results: [CheckResult] = []
        do {
            let client = try RawDataClient(
                httpClient: httpClient, configuration: settings,
                limiter: RateLimiter(requestsPerMinute: settings.requestsPerMinute), logger: logger)
            for stream in settings.streamIds {
                do {
                    let result = try await client.fetchWindow(streamId: stream, window: probeWindow)
                    results.append(
                        .ok(
                            "api", "credentials",
                            "stream \(stream) answered (\(result.statistics.requests) request"
                                + "\(result.statistics.requests == 1 ? "" : "s"))"))
                } catch {
                    results.append(failure(error, stream: stream, proxy: http.proxy))
                }
            }
        } catch {
            results.append(failure(error, stream: nil, proxy: http.proxy))
        }
        try? await httpClient.shutdown()
        return results
    }

    /// A failed probe: the client's description and what to change (naming the proxy, without its
    /// password, when the requests go through one).
    static func failure(_ error: APIError, stream: String?, proxy: ProxyChoice = .direct) -> CheckResult {
        let advice: String
        var kind = CheckResult.Failure.refused
        switch error.code {
        case .unauthorized, .forbidden:
            advice =
                "set QAI_CLIENT_ID and QAI_CLIENT_SECRET (or QAI_CLIENT_SECRET_FILE) to the app's Client ID and "
                + "Client Secret from App Settings, or QAI_JWT (or QAI_JWT_FILE) to a valid token; check "
                + "QAI_ACCOUNT_ID and QAI_ORG_ID too"
        case .streamNotFound:
            advice = "check QAI_STREAM_ID (the bot/app id from App Settings), QAI_API_BASE_URL and the path prefix"
        case .transport, .timeout:
            if let server = proxy.server {
                advice =
                    "the requests go through the proxy \(server.redacted) (\(proxy.reason)): check that it is "
                    + "reachable, accepts its credentials and lets CONNECT to the API host through; else check "
                    + "QAI_API_BASE_URL, DNS and the network"
            } else {
                advice =
                    "check QAI_API_BASE_URL (scheme, host and port), DNS, the proxy settings (--proxy, QAI_PROXY, "
                    + "HTTPS_PROXY, NO_PROXY) and the network"
            }
            kind = .unreachable
        case .tls:
            advice =
                "set QAI_CA_FILE (or --ca-file) to a PEM file of the CA certificates of the proxy or gateway that "
                + "inspects TLS, or check QAI_API_BASE_URL"
        case .rateLimited:
            advice = "another client may be spending the account's budget; lower QAI_REQUESTS_PER_MINUTE or retry later"
        case .configuration:
            advice = "fix the setting named above"
            kind = .configuration
        default:
            advice = "check QAI_API_BASE_URL and the path prefix; if they are right, retry later"
        }
        let name = stream.map { "credentials (stream \($0))" } ?? "credentials"
        return .fail("api", name, error.description, advice: advice, failure: kind)
    }
}

import AsyncHTTPClient
import Foundation
import NetworkTestSupport
import QualityAI
import TestSupport
import Testing

/// API requests through a real CONNECT proxy on loopback to the TLS mock.
@Suite("Through an HTTP proxy: CONNECT, basic auth, NO_PROXY, no password anywhere", .timeLimit(.minutes(5)))
struct ProxyTests {
    static func factory(_ proxy: ConnectProxy, password: String?, ca: TestCertificates) throws -> HTTPClientFactory {
        HTTPClientFactory(
            proxy: ProxyChoice(
                server: ProxyServer(
                    host: "127.0.0.1", port: proxy.port, username: password.map { _ in NetworkHarness.proxyUser },
                    password: password),
                reason: "test"),
            caBundle: try CABundle(path: ca.caCertificate, setting: "QAI_CA_FILE"))
    }

    @Test("a fetch through the proxy succeeds, and every API connection was a CONNECT to the mock's host:port")
    func throughProxy() async throws {
        try await NetworkHarness.with { harness in
            try await ConnectProxy.run { proxy in
                let factory = try Self.factory(proxy, password: nil, ca: harness.certificates)
                let (result, _) = try await harness.fetch(with: factory)
                let fetched = try result.get()
                #expect(Set(fetched.conversations.map(\.conversationId)) == Set(try await harness.truthIds()))
                let requests = proxy.requests
                #expect(!requests.isEmpty)
                #expect(requests.allSatisfy { $0.method == "CONNECT" && $0.target == "127.0.0.1:\(harness.tls.port)" })
                #expect(requests.count == harness.tls.connections, "every TLS connection came through the proxy")
            }
        }
    }

    @Test("an http:// API through HTTP_PROXY: tunnelled with CONNECT as well")
    func plainHTTP() async throws {
        try await MockHarness.with(MockHarness.mockConfiguration(conversations: 200, days: 1)) { mock in
            try await ConnectProxy.run { proxy in
                let choice = try ProxyChoice.resolve(
                    explicit: nil, environment: ["HTTP_PROXY": proxy.url()], apiBaseURL: mock.server.baseURL)
                #expect(choice.reason == "from HTTP_PROXY")
                let (logger, _) = NetworkHarness.capturedLogger()
                let http = HTTPClientFactory(proxy: choice).makeClient(logger: logger)
                let client = try RawDataClient(
                    httpClient: http, configuration: mock.clientConfiguration(),
                    limiter: RateLimiter(requestsPerMinute: 0), logger: logger)
                let fetched: Result<WindowResult, APIError>
                do throws(APIError) {
                    fetched = .success(try await client.fetchWindow(streamId: "st-mock", window: mock.range))
                } catch {
                    fetched = .failure(error)
                }
                try await http.shutdown()
                let truth = try await mock.truthIds(HTTPClient.shared, window: mock.range)
                #expect(Set(try fetched.get().conversations.map(\.conversationId)) == Set(truth))
                #expect(!proxy.requests.isEmpty)
                #expect(
                    proxy.requests.allSatisfy { $0.method == "CONNECT" && $0.target == "127.0.0.1:\(mock.server.port)" }
                )
            }
        }
    }

    @Test("basic auth: the proxy gets Proxy-Authorization; the password is in no log line or description")
    func basicAuth() async throws {
        let password = NetworkHarness.proxyPassword
        try await NetworkHarness.with { harness in
            try await ConnectProxy.run(credentials: (NetworkHarness.proxyUser, password)) { proxy in
                let factory = try Self.factory(proxy, password: password, ca: harness.certificates)
                let (result, logs) = try await harness.fetch(with: factory)
                _ = try result.get()
                let expected = "Basic " + Data("\(NetworkHarness.proxyUser):\(password)".utf8).base64EncodedString()
                #expect(proxy.requests.first?.headers["proxy-authorization"] == expected)
                #expect(logs.contains("qai.http.client"), "the client logs its proxy")
                #expect(logs.contains("http://\(NetworkHarness.proxyUser):***@127.0.0.1:\(proxy.port)"))
                for text in [
                    logs, factory.summary, "\(factory)", String(reflecting: factory), "\(factory.proxy)",
                    String(reflecting: factory.proxy.server),
                ] {
                    #expect(!text.contains(password), "the proxy password leaked: \(text.prefix(300))")
                }
            }
        }
    }

    @Test("a wrong proxy password: a clear 407 error that holds neither password")
    func wrongPassword() async throws {
        let password = NetworkHarness.proxyPassword
        let wrong = "Wrong-" + password
        try await NetworkHarness.with { harness in
            try await ConnectProxy.run(credentials: (NetworkHarness.proxyUser, password)) { proxy in
                let factory = try Self.factory(proxy, password: wrong, ca: harness.certificates)
                let (result, logs) = try await harness.fetch(with: factory, attempts: 2)
                guard case .failure(let error) = result else {
                    Issue.record("the proxy let a wrong password through")
                    return
                }
                #expect(error.code == .transport)
                #expect(error.description.contains("407"), "\(error)")
                for text in [error.description, error.debugDescription, logs] {
                    #expect(!text.contains(password) && !text.contains(wrong), "a password leaked: \(text.prefix(300))")
                }
            }
        }
    }

    @Test("NO_PROXY matching the API host bypasses HTTPS_PROXY; one that does not match keeps it")
    func noProxy() async throws {
        try await NetworkHarness.with { harness in
            try await ConnectProxy.run { proxy in
                let ca = try CABundle(path: harness.certificates.caCertificate, setting: "QAI_CA_FILE")
                let baseURL = harness.tls.baseURL()
                let bypass = try ProxyChoice.resolve(
                    explicit: nil, environment: ["HTTPS_PROXY": proxy.url(), "NO_PROXY": "db.internal, 127.0.0.1"],
                    apiBaseURL: baseURL)
                #expect(bypass.server == nil)
                _ = try await harness.fetch(with: HTTPClientFactory(proxy: bypass, caBundle: ca)).result.get()
                #expect(proxy.requests.isEmpty, "NO_PROXY matched: nothing may go through the proxy")

                let kept = try ProxyChoice.resolve(
                    explicit: nil, environment: ["HTTPS_PROXY": proxy.url(), "NO_PROXY": ".example.com,127.0.0.1:1"],
                    apiBaseURL: baseURL)
                #expect(kept.server?.port == proxy.port)
                _ = try await harness.fetch(with: HTTPClientFactory(proxy: kept, caBundle: ca)).result.get()
                #expect(proxy.requests.contains { $0.target == "127.0.0.1:\(harness.tls.port)" })
            }
        }
    }
}

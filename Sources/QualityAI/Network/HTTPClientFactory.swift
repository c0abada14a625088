import AsyncHTTPClient
import Logging
import NIOSSL

/// Makes every HTTP client that talks to the vendor API, with the run's proxy and the extra CA
/// certificates it trusts; the command line builds one from its settings and hands it down.
public struct HTTPClientFactory: Sendable {
    /// The proxy for the API host, or direct.
    public var proxy: ProxyChoice
    /// Extra trusted CA certificates; nil trusts the system's only.
    public var caBundle: CABundle?

    public init(proxy: ProxyChoice = .direct, caBundle: CABundle? = nil) {
        self.proxy = proxy
        self.caBundle = caBundle
    }

    /// Direct connections, system CAs only (the built-in fake API on loopback, tests).
    public static let direct = HTTPClientFactory()

    /// The client configuration these settings describe; AsyncHTTPClient's defaults otherwise.
    public var configuration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.proxy = proxy.server?.clientProxy
        if let caBundle {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.additionalTrustRoots = [.certificates(caBundle.certificates)]
            configuration.tlsConfiguration = tls
        }
        return configuration
    }

    /// A new client; the caller shuts it down. `adjust` tunes timeouts and pooling.
    ///
    /// Logs `qai.http.client` at debug with `http.proxy` (without the password) and `tls.ca_file`.
    public func makeClient(
        logger: Logger, adjust: (inout HTTPClient.Configuration) -> Void = { _ in }
    ) -> HTTPClient {
        var configuration = self.configuration
        adjust(&configuration)
        logger.debug(
            "qai.http.client",
            metadata: ["http.proxy": "\(proxy.summary)", "tls.ca_file": "\(caBundle?.summary ?? "none")"])
        return HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: configuration, backgroundActivityLogger: logger)
    }

    /// The proxy and CA file in use, for `check`: never the proxy password.
    public var summary: String {
        "proxy \(proxy.summary); CA file \(caBundle?.summary ?? "none (system CAs only)")"
    }
}

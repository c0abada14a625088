#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Which proxy, if any, carries the API's requests, and which setting decided it.
///
/// The rules, first match wins:
/// 1. An explicit setting (`--proxy`, then `QAI_PROXY`): its URL, or `none` for no proxy.
///    `NO_PROXY` does not apply to it.
/// 2. The standard variable for the API URL's scheme, lower case first as curl reads them:
///    `https_proxy`, `HTTPS_PROXY` for an `https://` API, `http_proxy`, `HTTP_PROXY` for `http://`.
///    When the API host (and port) matches `no_proxy` / `NO_PROXY`, no proxy is used.
/// 3. No proxy.
///
/// AsyncHTTPClient sets a proxy per client and the loader talks to one API host, so the choice is
/// made once, for that host.
public struct ProxyChoice: Sendable, Equatable {
    /// The proxy to use; nil to connect directly.
    public var server: ProxyServer?
    /// Why: the setting that named the proxy or `none`, the `NO_PROXY` entry list that matched, or
    /// that nothing is set.
    public var reason: String

    public init(server: ProxyServer?, reason: String) {
        self.server = server
        self.reason = reason
    }

    /// Direct connections, no proxy setting involved.
    public static let direct = ProxyChoice(server: nil, reason: "no proxy set")

    /// Resolves the rules above for requests to `apiBaseURL`.
    /// - Parameters:
    ///   - explicit: the value of `--proxy` or `QAI_PROXY`, and the name to report it by.
    ///   - environment: the process environment, for the standard variables.
    /// - Throws: `.configuration` naming the setting whose URL is malformed (never its value).
    public static func resolve(
        explicit: (value: String, setting: String)?, environment: [String: String], apiBaseURL: String
    ) throws(APIError) -> ProxyChoice {
        if let explicit {
            if explicit.value.lowercased() == "none" {
                return ProxyChoice(server: nil, reason: "\(explicit.setting)=none")
            }
            return ProxyChoice(
                server: try ProxyServer(parsing: explicit.value, setting: explicit.setting),
                reason: "from \(explicit.setting)")
        }
        guard let url = URLComponents(string: apiBaseURL), let host = url.host else { return .direct }
        let secure = url.scheme?.lowercased() == "https"
        let names = secure ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        guard let proxy = first(of: names, in: environment) else { return .direct }
        if let noProxy = first(of: ["no_proxy", "NO_PROXY"], in: environment),
            NoProxyList(noProxy.value).matches(host: host, port: url.port ?? (secure ? 443 : 80))
        {
            return ProxyChoice(server: nil, reason: "\(host) matches \(noProxy.name)")
        }
        return ProxyChoice(
            server: try ProxyServer(parsing: proxy.value, setting: proxy.name), reason: "from \(proxy.name)")
    }

    /// `through http://user:***@host:port (from HTTPS_PROXY)` or `direct (no proxy set)`.
    public var summary: String {
        server.map { "through \($0.redacted) (\(reason))" } ?? "direct (\(reason))"
    }

    private static func first(of names: [String], in environment: [String: String]) -> (name: String, value: String)? {
        for name in names {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return (name, value)
            }
        }
        return nil
    }
}

import AsyncHTTPClient

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An HTTP proxy that API requests go through, tunnelled with `CONNECT`, from a URL such as
/// `http://user:password@proxy.example.com:3128`. Its descriptions show the user, never the password.
public struct ProxyServer: Sendable, Equatable {
    /// The port of a proxy URL that names none (curl's default).
    public static let defaultPort = 1080

    /// The proxy's host name or IP address.
    public var host: String
    /// The proxy's port.
    public var port: Int
    /// The user for basic proxy authentication, when the URL names one.
    public var username: String?
    /// The password for basic proxy authentication: a secret.
    public var password: String?

    public init(host: String, port: Int = ProxyServer.defaultPort, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// Parses `http://[user[:password]@]host[:port][/]`, or the same without `http://` (as curl
    /// does); user and password may be percent-encoded.
    /// - Throws: `.configuration` naming `setting`; the message never repeats the value.
    public init(parsing text: String, setting: String) throws(APIError) {
        let form =
            "must be an http:// proxy URL such as http://proxy.example.com:3128 (user:password@ before the "
            + "host for basic authentication), or none for no proxy"
        let url = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "http",
            let host = components.host, !host.isEmpty, components.path.isEmpty || components.path == "/",
            components.query == nil, components.fragment == nil
        else {
            let scheme = text.split(separator: ":").first.map { String($0).lowercased() } ?? ""
            let only = ["https", "socks4", "socks5", "socks5h"].contains(scheme) ? " (only http:// proxies work)" : ""
            throw .configuration(setting: setting, problem: form + only)
        }
        let port = components.port ?? Self.defaultPort
        guard (1...65_535).contains(port) else {
            throw .configuration(setting: setting, problem: form + " (the port must be 1 to 65535)")
        }
        self.init(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: port,
            username: components.user.flatMap { $0.isEmpty ? nil : $0 }, password: components.password)
    }

    /// `http://user:***@host:port`, for logs and `check`.
    public var redacted: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let credentials = username.map { "\($0)\(password == nil ? "" : ":***")@" } ?? ""
        return "http://\(credentials)\(hostText):\(port)"
    }

    /// AsyncHTTPClient's proxy setting, with basic authentication when a user is given.
    var clientProxy: HTTPClient.Configuration.Proxy {
        let authorization = username.map { HTTPClient.Authorization.basic(username: $0, password: password ?? "") }
        return .server(host: host, port: port, authorization: authorization)
    }
}

extension ProxyServer: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { redacted }
    public var debugDescription: String { redacted }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": redacted]) }
}

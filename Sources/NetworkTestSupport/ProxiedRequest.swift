import Foundation

/// A request the test proxy received: its request line and headers.
public struct ProxiedRequest: Sendable, Equatable {
    /// `CONNECT`, or `GET`/`POST`/... for a plain-HTTP absolute-URI request.
    public var method: String
    /// `host:port` for `CONNECT`, else the absolute URI.
    public var target: String
    /// Header values by lowercased name.
    public var headers: [String: String]

    public init(method: String, target: String, headers: [String: String]) {
        self.method = method
        self.target = target
        self.headers = headers
    }

    /// Parses the head (request line and headers, without the blank line); nil when malformed.
    init?(head: String) {
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingPrefix(" ").description
        }
        self.init(method: String(parts[0]), target: String(parts[1]), headers: headers)
    }

    /// Host and port the request is for: the `CONNECT` target, or the absolute URI's authority.
    var destination: (host: String, port: Int)? {
        var authority = Substring(target)
        var defaultPort = 443
        if method != "CONNECT" {
            guard authority.hasPrefix("http://") else { return nil }
            authority = authority.dropFirst("http://".count).prefix { $0 != "/" }
            defaultPort = 80
        }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            return (String(host), rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? defaultPort : defaultPort)
        }
        guard let colon = authority.lastIndex(of: ":") else { return (String(authority), defaultPort) }
        return (String(authority[..<colon]), Int(authority[authority.index(after: colon)...]) ?? defaultPort)
    }
}

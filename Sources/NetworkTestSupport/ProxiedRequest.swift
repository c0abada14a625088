import Foundation

/// A request the test proxy received: its request line and headers.
public struct ProxiedRequest: Sendable, Equatable {
    /// The method: `CONNECT` is the only one the proxy serves.
    public var method: String
    /// `host:port` for `CONNECT`.
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

    /// Host and port of a `CONNECT` request (`host:port` or `[v6]:port`); nil for anything else.
    var destination: (host: String, port: Int)? {
        guard method == "CONNECT", let colon = target.lastIndex(of: ":"),
            let port = Int(target[target.index(after: colon)...])
        else { return nil }
        let host = target[..<colon]
        return (host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : String(host), port)
    }
}

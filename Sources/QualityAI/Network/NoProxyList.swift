/// The hosts that bypass the proxy, from `NO_PROXY`, read as curl reads it: entries separated by
/// commas or spaces, each a host name (which also matches its subdomains), a domain with a leading
/// `.` or `*.` (the same), or an IP address (matched exactly; no CIDR ranges), optionally with
/// `:port`; `*` alone matches every host. Case does not matter.
public struct NoProxyList: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var domain: String
        var port: Int?
    }

    var matchesEverything = false
    var entries: [Entry] = []

    public init(_ text: String) {
        let separators: Set<Character> = [",", " ", "\t"]
        for raw in text.split(whereSeparator: { separators.contains($0) }) {
            let item = raw.lowercased()
            if item == "*" {
                matchesEverything = true
            } else if let entry = Self.entry(item) {
                entries.append(entry)
            }
        }
    }

    /// Whether a request to `host` on `port` goes direct.
    public func matches(host: String, port: Int) -> Bool {
        if matchesEverything { return true }
        let name = Self.normalised(host)
        return entries.contains { entry in
            (entry.port == nil || entry.port == port)
                && (name == entry.domain || name.hasSuffix("." + entry.domain))
        }
    }

    private static func entry(_ item: String) -> Entry? {
        var host = Substring(item)
        var port: Int?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let rest = host[host.index(after: close)...]
            if rest.hasPrefix(":") { port = Int(rest.dropFirst()) }
            host = host[host.index(after: host.startIndex)..<close]
        } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            port = Int(host[host.index(after: colon)...])
            host = host[..<colon]
        }
        if host.hasPrefix("*.") {
            host = host.dropFirst(2)
        } else if host.hasPrefix(".") {
            host = host.dropFirst()
        }
        let domain = normalised(String(host))
        return domain.isEmpty ? nil : Entry(domain: domain, port: port)
    }

    private static func normalised(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}

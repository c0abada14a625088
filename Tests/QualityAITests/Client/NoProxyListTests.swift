import QualityAI
import Testing

@Suite("NO_PROXY as curl reads it")
struct NoProxyListTests {
    @Test(
        "matches",
        arguments: [
            ("example.com", "example.com", 443, true),
            ("example.com", "api.example.com", 443, true),
            ("example.com", "notexample.com", 443, false),
            (".example.com", "example.com", 443, true),
            (".example.com", "api.eu.example.com", 443, true),
            ("*.example.com", "api.example.com", 443, true),
            ("EXAMPLE.com", "Api.Example.COM.", 443, true),
            ("example.com:8443", "api.example.com", 8443, true),
            ("example.com:8443", "api.example.com", 443, false),
            ("*", "anything.at.all", 1, true),
            ("localhost, 127.0.0.1", "127.0.0.1", 8080, true),
            ("10.0.0.1 db.internal", "db.internal", 443, true),
            ("127.0.0.1", "127.0.0.10", 443, false),
            ("[::1]:8080", "::1", 8080, true),
            ("::1", "[::1]", 443, true),
            ("", "example.com", 443, false),
            ("*.", "example.com", 443, false),
        ])
    func matches(list: String, host: String, port: Int, expected: Bool) {
        #expect(NoProxyList(list).matches(host: host, port: port) == expected, "\(list) vs \(host):\(port)")
    }
}

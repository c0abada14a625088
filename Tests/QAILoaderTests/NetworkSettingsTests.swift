import ArgumentParser
import Foundation
import NetworkTestSupport
import QualityAI
import Testing

@testable import qai_loader

@Suite("Network settings: --proxy, QAI_PROXY, the standard proxy variables, NO_PROXY, QAI_CA_FILE")
struct NetworkSettingsTests {
    static let password = "Proxy-Secret-\(UUID().uuidString.prefix(8))"
    static let api = "https://api.example.com"

    static func factory(
        _ arguments: [String] = [], _ environment: [String: String], baseURL: String = api
    ) throws -> HTTPClientFactory {
        try APIOptions.parse(arguments).httpClientFactory(settings: EnvironmentSettings(environment), baseURL: baseURL)
    }

    @Test("precedence: --proxy, then QAI_PROXY, then https_proxy, then HTTPS_PROXY, then none")
    func precedence() throws {
        var environment = [
            "HTTPS_PROXY": "http://upper.example:3128", "https_proxy": "http://lower.example:3128",
            "QAI_PROXY": "http://qai.example:8080",
        ]
        let flag = try Self.factory(["--proxy", "http://flag.example:9090"], environment).proxy
        #expect(flag.server == ProxyServer(host: "flag.example", port: 9090))
        #expect(flag.reason == "from --proxy")
        #expect(try Self.factory([], environment).proxy.server?.host == "qai.example")
        environment["QAI_PROXY"] = nil
        #expect(try Self.factory([], environment).proxy.server?.host == "lower.example")
        environment["https_proxy"] = nil
        #expect(try Self.factory([], environment).proxy.reason == "from HTTPS_PROXY")
        environment["HTTPS_PROXY"] = nil
        #expect(try Self.factory([], environment).proxy == .direct)
    }

    @Test("none disables the proxy; NO_PROXY applies to the standard variables only")
    func noneAndNoProxy() throws {
        let environment = ["HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": ".example.com"]
        #expect(try Self.factory([], environment).proxy.reason == "api.example.com matches NO_PROXY")
        #expect(try Self.factory([], environment).proxy.server == nil)
        #expect(try Self.factory(["--proxy", "http://proxy.corp:3128"], environment).proxy.server != nil)
        let none = try Self.factory([], ["QAI_PROXY": "none", "HTTPS_PROXY": "http://proxy.corp:3128"]).proxy
        #expect(none == ProxyChoice(server: nil, reason: "QAI_PROXY=none"))
        #expect(try Self.factory(["--proxy", "NONE"], ["QAI_PROXY": "http://q:1"]).proxy.server == nil)
    }

    @Test("the scheme picks the variable: HTTP_PROXY only for an http:// API; curl's default port 1080")
    func scheme() throws {
        let environment = ["HTTP_PROXY": "plain.example", "HTTPS_PROXY": "http://secure.example:3128"]
        #expect(
            try Self.factory([], environment, baseURL: "http://127.0.0.1:8080").proxy.server
                == ProxyServer(host: "plain.example", port: 1080))
        #expect(try Self.factory([], environment).proxy.server?.host == "secure.example")
        #expect(try Self.factory([], ["HTTP_PROXY": "http://p:1"]).proxy == .direct)
    }

    @Test("user and password come from the URL, percent-decoded; summaries and errors never show the password")
    func credentials() throws {
        let encoded = Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let factory = try Self.factory(["--proxy", "http://svc%40corp:\(encoded)@proxy.corp:3128"], [:])
        #expect(
            factory.proxy.server
                == ProxyServer(host: "proxy.corp", port: 3128, username: "svc@corp", password: Self.password))
        #expect(factory.summary.contains("through http://svc@corp:***@proxy.corp:3128 (from --proxy)"))
        for text in [factory.summary, "\(factory)", String(reflecting: factory), "\(factory.proxy)"] {
            #expect(!text.contains(Self.password))
        }
        for bad in [
            "https://u:\(Self.password)@proxy.corp:3128", "http://u:\(Self.password)@proxy.corp:99999",
            "socks5://u:\(Self.password)@proxy.corp", "http://u:\(Self.password)@proxy.corp:3128/path",
        ] {
            let error = #expect(throws: ValidationError.self) { _ = try Self.factory([], ["QAI_PROXY": bad]) }
            #expect(error?.message.hasPrefix("QAI_PROXY must be an http:// proxy URL") == true, "\(bad)")
            #expect(error?.message.contains(Self.password) == false)
        }
        let error = #expect(throws: ValidationError.self) { _ = try Self.factory([], ["https_proxy": "https://p:1"]) }
        #expect(error?.message.contains("https_proxy") == true)
    }

    @Test("QAI_CA_FILE and --ca-file: read and checked now; a bad file names the setting")
    func caFile() throws {
        let certificates = try TestCertificates.shared()
        let bundle = try Self.factory([], ["QAI_CA_FILE": certificates.caCertificate]).caBundle
        #expect(bundle?.path == certificates.caCertificate)
        #expect(bundle?.certificates.count == 1)
        #expect(try Self.factory([], [:]).caBundle == nil)
        let cases: [([String], [String: String], String)] = [
            ([], ["QAI_CA_FILE": "/nonexistent/ca.pem"], "QAI_CA_FILE"),
            (["--ca-file", certificates.notPEM], ["QAI_CA_FILE": certificates.caCertificate], "--ca-file"),
        ]
        for (arguments, environment, name) in cases {
            let error = #expect(throws: ValidationError.self) { _ = try Self.factory(arguments, environment) }
            #expect(error?.message.hasPrefix("\(name) names ") == true, "\(String(describing: error?.message))")
        }
    }
}

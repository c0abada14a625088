import Foundation
import NetworkTestSupport
import Postgres
import Testing

/// The built binary behind a proxy and a TLS-inspecting gateway: the mock API over TLS with a
/// test CA, reached through a CONNECT proxy with basic auth.
@Suite("qai-loader behind a proxy with a custom CA", .timeLimit(.minutes(5)))
struct NetworkCommandTests {
    static let password = "Proxy-Canary-\(UUID().uuidString.prefix(8))"

    /// Runs `body` with the mock over TLS and a proxy that wants `loader` / `password`.
    static func withNetwork<T: Sendable>(
        _ body: (_ tls: TLSFront, _ proxy: ConnectProxy, _ certificates: TestCertificates) async throws -> T
    ) async throws -> T {
        let certificates = try TestCertificates.shared()
        return try await Fixture.withMock { mock in
            try await TLSFront.run(certificates: certificates, upstreamPort: mock.port) { tls in
                try await ConnectProxy.run(credentials: ("loader", password)) { proxy in
                    try await body(tls, proxy, certificates)
                }
            }
        }
    }

    @Test("check: the network line shows the proxy without its password and the CA file; the API answers")
    func checkThroughProxy() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Self.withNetwork { tls, proxy, certificates in
            var environment = Fixture.environment(database: database, apiBaseURL: tls.baseURL())
            environment["HTTPS_PROXY"] = proxy.url(user: "loader", password: Self.password)
            environment["QAI_CA_FILE"] = certificates.caCertificate
            let output = try await LoaderProcess.run(["check", "--log-level", "trace"], environment: environment)
            #expect(output.exitCode == 0, "\(output.all)")
            let network = CheckCommandTests.lines(output, "configuration: network").line ?? ""
            #expect(
                network.contains("through http://loader:***@127.0.0.1:\(proxy.port) (from HTTPS_PROXY)"), "\(network)")
            #expect(network.contains("CA file \(certificates.caCertificate) (1 certificate)"), "\(network)")
            #expect(CheckCommandTests.lines(output, "api: credentials").line?.hasPrefix("ok") == true, "\(output.all)")
            #expect(proxy.requests.contains { $0.method == "CONNECT" && $0.target == "127.0.0.1:\(tls.port)" })
            #expect(!output.all.contains(Self.password))
        }
    }

    @Test("check without QAI_CA_FILE: the API check fails with a TLS error and says to set QAI_CA_FILE")
    func checkWithoutCA() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Self.withNetwork { tls, proxy, _ in
            var environment = Fixture.environment(database: database, apiBaseURL: tls.baseURL())
            environment["https_proxy"] = proxy.url(user: "loader", password: Self.password)
            let output = try await LoaderProcess.run(["check"], environment: environment)
            #expect(output.exitCode == 1, "\(output.all)")
            let api = CheckCommandTests.lines(output, "api: credentials")
            #expect(api.line?.contains("TLS handshake with the API failed") == true, "\(output.stdout)")
            #expect(api.next?.contains("set QAI_CA_FILE") == true, "\(output.stdout)")
            #expect(!output.all.contains(Self.password))
        }
    }

    @Test("an unreachable proxy: exit 69, and what to do names the proxy without its password")
    func unreachableProxy() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Self.withNetwork { tls, _, certificates in
            var environment = Fixture.environment(database: database, apiBaseURL: tls.baseURL())
            environment["QAI_PROXY"] = "http://loader:\(Self.password)@127.0.0.1:1"
            environment["QAI_CA_FILE"] = certificates.caCertificate
            let output = try await LoaderProcess.run(["check"], environment: environment)
            #expect(output.exitCode == 69, "\(output.all)")
            let api = CheckCommandTests.lines(output, "api: credentials")
            #expect(api.next?.contains("through the proxy http://loader:***@127.0.0.1:1 (from QAI_PROXY)") == true)
            #expect(!output.all.contains(Self.password))
        }
    }

    @Test("a CA file that does not exist: exit 64 naming QAI_CA_FILE, before any work")
    func missingCAFile() async throws {
        var environment = Fixture.environment(
            database: try await Fixture.migratedDatabase(), apiBaseURL: "https://127.0.0.1:1")
        environment["QAI_CA_FILE"] = "/nonexistent/corp-ca.pem"
        environment["QAI_PROXY"] = "http://loader:\(Self.password)@127.0.0.1:1"
        for arguments in [["check"], ["sync"], ["backfill", "--from", "2026-01-01", "--to", "2026-01-02"]] {
            let output = try await LoaderProcess.run(arguments, environment: environment)
            #expect(output.exitCode == 64, "\(arguments): \(output.all)")
            #expect(output.all.contains("QAI_CA_FILE names /nonexistent/corp-ca.pem"), "\(output.all)")
            if arguments == ["check"] {
                #expect(CheckCommandTests.lines(output, "configuration: network").line?.hasPrefix("FAIL") == true)
                #expect(output.stdout.contains("api: credentials: not checked: the network settings are invalid"))
            }
            #expect(!output.all.contains(Self.password))
        }
    }

    @Test("backfill through the proxy loads the mock's data; the password is in no output, etl_run row or status")
    func backfillThroughProxy() async throws {
        let database = try await Fixture.migratedDatabase()
        let (load, status, proxied) = try await Self.withNetwork { tls, proxy, certificates in
            var environment = Fixture.environment(database: database, apiBaseURL: tls.baseURL())
            environment["QAI_PROXY"] = proxy.url(user: "loader", password: Self.password)
            environment["HTTPS_PROXY"] = "http://127.0.0.1:1"
            let arguments = [
                "backfill", "--from", "2026-01-01", "--to", "2026-01-03", "--log-level", "trace", "--log-format",
                "json",
                "--ca-file", certificates.caCertificate,
            ]
            let load = try await LoaderProcess.run(arguments, environment: environment)
            let status = try await LoaderProcess.run(["status", "--json"], environment: environment)
            return (load, status, proxy.requests.filter { $0.target == "127.0.0.1:\(tls.port)" }.count)
        }
        #expect(load.exitCode == 0, "\(load.all)")
        #expect(proxied > 0, "QAI_PROXY wins over HTTPS_PROXY: the requests went through the test proxy")
        let loaded = try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database)
        #expect(loaded > 0)
        let runs = try await ReliabilitySecretsTests.tableText("qai.etl_run", database: database)
        for text in [load.all, status.all, runs] {
            #expect(!text.contains(Self.password), "the proxy password leaked")
        }
    }
}

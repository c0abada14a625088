import Foundation
import NetworkTestSupport
import QualityAI
import Testing

/// `QAI_CA_FILE`: the mock API served over TLS with a certificate from a CA made in the test.
@Suite("A custom CA: the TLS mock is refused without it, trusted with it", .timeLimit(.minutes(5)))
struct CustomCATests {
    @Test("without the CA file the handshake fails with a TLS error that names QAI_CA_FILE, at once")
    func untrusted() async throws {
        try await NetworkHarness.with { harness in
            let (result, _) = try await harness.fetch(with: .direct)
            guard case .failure(let error) = result else {
                Issue.record("the fetch succeeded against an untrusted certificate")
                return
            }
            #expect(error.code == .tls, "\(error)")
            #expect(error.attempts == nil || error.attempts == 1, "a TLS failure is not retried: \(error)")
            #expect(error.description.contains("certificate"), "\(error)")
            #expect(error.description.contains("QAI_CA_FILE"), "\(error)")
        }
    }

    @Test("with sync's client settings the attempt ends at its deadline with the TLS error, and is not retried")
    func untrustedAtDeadline() async throws {
        try await NetworkHarness.with { harness in
            let started = ContinuousClock.now
            let (result, logs) = try await harness.fetch(with: .direct, timeout: .seconds(3), reconnect: true)
            guard case .failure(let error) = result else {
                Issue.record("the fetch succeeded against an untrusted certificate")
                return
            }
            #expect(error.code == .tls, "\(error)")
            // On a loaded machine an attempt can reach its deadline before the first handshake has
            // failed: that attempt is a timeout, and retrying it is right. A TLS failure never is.
            let retries = logs.split(separator: "\n").filter { $0.contains("qai.request.retry") }
            #expect(retries.allSatisfy { $0.contains("timeout") && !$0.contains("tls") }, "\(retries)")
            #expect(error.attempts == retries.count + 1, "a certificate error is not retried: \(error)")
            // Attempts of 3 s, not sync's 60 s request deadline (generous: the full suite loads the machine).
            #expect(ContinuousClock.now - started < .seconds(45))
        }
    }

    @Test("with the CA file every record arrives over TLS")
    func trusted() async throws {
        try await NetworkHarness.with { harness in
            let bundle = try CABundle(path: harness.certificates.caCertificate, setting: "QAI_CA_FILE")
            let (result, _) = try await harness.fetch(with: HTTPClientFactory(caBundle: bundle))
            let fetched = try result.get()
            #expect(Set(fetched.conversations.map(\.conversationId)) == Set(try await harness.truthIds()))
            #expect(harness.tls.connections > 0)
        }
    }

    @Test("a missing, unreadable or non-PEM CA file is a configuration error naming the setting")
    func badFiles() throws {
        let certificates = try TestCertificates.shared()
        for (path, problem) in [
            ("/nonexistent/ca.pem", "does not exist"), (certificates.notPEM, "PEM"),
            (FileManager.default.temporaryDirectory.path, "PEM"),
        ] {
            let error = #expect(throws: APIError.self) { _ = try CABundle(path: path, setting: "QAI_CA_FILE") }
            #expect(error?.code == .configuration)
            #expect(error?.description.contains("QAI_CA_FILE") == true, "\(String(describing: error))")
            #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
        }
    }
}

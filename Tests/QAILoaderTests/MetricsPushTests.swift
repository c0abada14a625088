import Foundation
import Testing

@testable import qai_loader

/// `--metrics-push` / `QAI_METRICS_PUSH_URL`: the built loader runs a real `backfill` against the
/// mock API and PostgreSQL and pushes to a stand-in Pushgateway on loopback.
@Suite("--metrics-push: the run's metrics PUT to a Prometheus Pushgateway")
struct MetricsPushTests {
    static let user = "pusher"
    static let password = "Push@Canary-\(UUID().uuidString.prefix(8))"
    /// `user:password` as it goes in the URL (the `@` percent-encoded).
    static var credentials: String { "\(user):\(password.replacingOccurrences(of: "@", with: "%40"))" }
    static let backfill = [
        "backfill", "--from", "2026-01-01", "--to", "2026-01-03", "--log-level", "trace", "--log-format", "json",
    ]

    /// Runs a backfill into a new database with `QAI_METRICS_PUSH_URL` set to `pushURL`.
    static func run(
        pushURL: String, secret: String? = nil
    ) async throws -> (output: LoaderOutput, truth: Int) {
        let database = try await Fixture.migratedDatabase()
        return try await Fixture.withMock { mock in
            var environment =
                secret.map { Fixture.environment(database: database, apiBaseURL: mock.baseURL, secret: $0) }
                ?? Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            environment["QAI_METRICS_PUSH_URL"] = pushURL
            let output = try await LoaderProcess.run(backfill, environment: environment)
            return (output, try await Fixture.truth(mock).count)
        }
    }

    @Test("a finished backfill: one PUT to the group, text format 0.0.4, success 1, inserted = the mock's truth")
    func finishedRun() async throws {
        let receiver = try await PushReceiver.start()
        let (output, truth) = try await Self.run(pushURL: receiver.url(credentials: Self.credentials) + "/")
        let requests = await receiver.requests()
        await receiver.stop()
        #expect(output.exitCode == 0, "\(output.all)")
        #expect(requests.count == 1)
        let push = try #require(requests.first)
        #expect(push.method == "PUT")
        #expect(push.path == "/metrics/job/qai-loader/command/backfill")
        #expect(push.headers["content-type"] == "text/plain; version=0.0.4")
        let basic = "Basic " + Data("\(Self.user):\(Self.password)".utf8).base64EncodedString()
        #expect(push.headers["authorization"] == basic)
        let samples = try ExpositionText.samples(push.body)
        #expect(samples["qai_loader_last_run_success{command=\"backfill\"}"] == 1)
        #expect(push.body.contains("qai_loader_last_run_success{command=\"backfill\"} 1"))
        let inserted =
            "qai_loader_last_run_conversations{command=\"backfill\",stream=\"\(Fixture.stream)\",result=\"inserted\"}"
        #expect(truth > 0)
        #expect(samples[inserted] == Double(truth))
        #expect(samples.keys.contains { $0.hasPrefix("qai_loader_last_success_timestamp_seconds") })
        #expect(output.all.contains("metrics.pushed"))
        for secret in [Self.password, Self.credentials, String(basic.dropFirst(6))] {
            #expect(!output.all.contains(secret), "the Pushgateway credentials leaked into the output")
        }
    }

    @Test("a failed backfill (wrong API secret): the failure metrics with success 0 are pushed, exit code 1")
    func failedRun() async throws {
        let receiver = try await PushReceiver.start()
        let (output, _) = try await Self.run(pushURL: receiver.url(), secret: "not-the-secret")
        let requests = await receiver.requests()
        await receiver.stop()
        #expect(output.exitCode == 1, "\(output.all)")
        #expect(requests.count == 1)
        let push = try #require(requests.first)
        #expect(push.method == "PUT" && push.path == "/metrics/job/qai-loader/command/backfill")
        #expect(push.headers["authorization"] == nil)
        let samples = try ExpositionText.samples(push.body)
        #expect(samples["qai_loader_last_run_success{command=\"backfill\"}"] == 0)
        #expect(samples["qai_loader_last_run_failure{command=\"backfill\",reason=\"api_unauthorized\"}"] == 1)
        #expect(!samples.keys.contains { $0.contains("conversations") })
    }

    @Test("a Pushgateway that answers 500 or is down: the run's exit code is unchanged, a warning says why")
    func failedPush() async throws {
        let failing = try await PushReceiver.start(status: 500)
        let (answered, _) = try await Self.run(pushURL: failing.url(credentials: Self.credentials))
        #expect(await failing.requests().count == 1)
        await failing.stop()
        #expect(answered.exitCode == 0, "\(answered.all)")
        let warning = try #require(Self.warnings(answered).first)
        #expect(warning.contains("\"http.status\":\"500\""), "\(warning)")
        #expect(!answered.all.contains(Self.password) && !answered.all.contains(Self.credentials))

        let gone = try await PushReceiver.start()
        await gone.stop()
        let (refused, _) = try await Self.run(pushURL: gone.url(credentials: Self.credentials))
        #expect(refused.exitCode == 0, "\(refused.all)")
        let down = try #require(Self.warnings(refused).first)
        #expect(down.contains("\"http.status\":\"none\"") && down.contains("reachable"), "\(down)")
        #expect(!refused.all.contains(Self.password) && !refused.all.contains(Self.credentials))
    }

    /// The JSON log lines of `metrics.push.failed` at warning.
    static func warnings(_ output: LoaderOutput) -> [String] {
        output.stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("metrics.push.failed") && $0.contains("\"warning\"")
        }
    }
}

import Foundation
import MockAPI
import Postgres
import TestSupport

/// The built `qai-loader` executable, run as a subprocess against a mock API and a database.
struct LoaderBinary: Sendable {
    let path: String

    /// Finds `qai-loader` beside the test bundle (`swift test` builds every product into the same
    /// directory), else in `.build/debug` of the package. Throws, never skips, when it is missing.
    static func locate() throws -> LoaderBinary {
        let beside = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }.map {
            URL(filePath: $0).deletingLastPathComponent().appending(path: "qai-loader").path
        }
        let package = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = beside + [package.appending(path: ".build/debug/qai-loader").path]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ChildProcessError(
                "qai-loader binary not found (looked at \(candidates.joined(separator: ", "))): "
                    + "run `swift build` first (`swift test` builds it too)")
        }
        return LoaderBinary(path: found)
    }

    /// The environment for a run against `mock`: the test's own variables without any `QAI_*`,
    /// `PG*` or `DATABASE_URL`, plus the mock's API settings, unthrottled, and `QAI_CRASH_AT`; no
    /// proxy (`QAI_PROXY=none`), since the mock is on loopback whatever `http_proxy` the machine sets.
    static func environment(mockBaseURL: String, crashAt: String? = nil) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("QAI_") && !key.hasPrefix("PG") && key != "DATABASE_URL"
        }
        environment["QAI_API_BASE_URL"] = mockBaseURL
        environment["QAI_STREAM_ID"] = CrashFixture.stream
        environment["QAI_ACCOUNT_ID"] = "acc-crash"
        environment["QAI_ORG_ID"] = "o-crash"
        environment["QAI_CLIENT_ID"] = "cs-crash"
        environment["QAI_CLIENT_SECRET"] = MockAPIConfiguration.defaultClientSecret
        environment["QAI_REQUESTS_PER_MINUTE"] = "0"
        environment["QAI_PROXY"] = "none"
        environment["QAI_CRASH_AT"] = crashAt
        return environment
    }

    /// `qai-loader migrate` on `database`; throws with the transcript unless it exits 0.
    func migrate(_ database: DatabaseConfiguration, mockBaseURL: String) async throws {
        let process = try ChildProcess.launch(
            path, ["migrate", "--database-url", database.connectionString],
            environment: Self.environment(mockBaseURL: mockBaseURL))
        let finished = try await process.wait()
        guard finished.ending == .exited(0) else {
            throw ChildProcessError("qai-loader migrate ended with \(finished.ending)\n\(finished.transcript)")
        }
    }

    /// Starts the fixture's backfill on `database` (14 one-day slices, two at a time), on
    /// `writers` writer connections (the loader's default when nil).
    func startBackfill(
        _ database: DatabaseConfiguration, mockBaseURL: String, crashAt: String? = nil, writers: Int? = nil
    ) throws -> ChildProcess {
        try ChildProcess.launch(
            path,
            [
                "backfill", "--database-url", database.connectionString, "--from", CrashFixture.from, "--to",
                CrashFixture.to, "--slice-hours", "24", "--concurrency", "2",
            ] + (writers.map { ["--writers", String($0)] } ?? []),
            environment: Self.environment(mockBaseURL: mockBaseURL, crashAt: crashAt))
    }

    /// Starts `qai-loader sync` over the fixture: new data from `CrashFixture.from`, leaving the
    /// newest `settleMinutes` (chosen so the range ends just after the generated data), one-day
    /// slices two at a time, and the default 14-day lookback re-sweep.
    func startSync(
        _ database: DatabaseConfiguration, mockBaseURL: String, settleMinutes: Int64, crashAt: String? = nil
    ) throws -> ChildProcess {
        try ChildProcess.launch(
            path,
            [
                "sync", "--database-url", database.connectionString, "--since", CrashFixture.from,
                "--settle-minutes", String(settleMinutes), "--slice-hours", "24", "--concurrency", "2",
            ], environment: Self.environment(mockBaseURL: mockBaseURL, crashAt: crashAt))
    }
}

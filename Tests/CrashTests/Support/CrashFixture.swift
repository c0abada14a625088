import EmbeddedPostgres
import Logging
import MockAPI
import Postgres
import TestSupport

/// The data every crash scenario loads: one stream of 3,000 conversations over the 14 days before
/// 2026-01-01, served by in-process mock APIs that live as long as the test process, and the
/// warehouse an uninterrupted load of it produces (the reference), computed once.
enum CrashFixture {
    static let stream = "st-crash"
    /// 2026-01-01 00:00:00 UTC, the end of the generated range.
    static let end: Int64 = 1_767_225_600
    static let days = 14
    static let conversations = 3_000
    /// The backfill range: the whole generated range, 14 one-day slices.
    static let from = "2025-12-18"
    static let to = "2025-12-31"
    static let slices = 14

    static func mockConfiguration(delayMilliseconds: Int = 0) -> MockAPIConfiguration {
        MockAPIConfiguration(
            port: 0, streams: [stream], conversationsPerStream: conversations, days: days, end: end, seed: 5,
            faults: FaultConfiguration(delayMilliseconds: delayMilliseconds))
    }

    /// Answers at once.
    static let fastMock = Task { try await startMock(delayMilliseconds: 0) }

    /// Waits 150 ms before every raw data answer, so a run fetches for at least 3 s (about 42
    /// requests, two at a time) and can be killed, or lose its database, at a random moment.
    static let slowMock = Task { try await startMock(delayMilliseconds: 150) }

    private static func startMock(delayMilliseconds: Int) async throws -> RunningMockAPIServer {
        try await MockHarness.start(mockConfiguration(delayMilliseconds: delayMilliseconds)).server
    }

    /// A clean database loaded once, without crashes, by the built binary.
    static let reference = Task<Reference, any Error> {
        let loader = try LoaderBinary.locate()
        let mock = try await fastMock.value
        let database = try await TestPostgres.makeDatabase(prefix: "qai_crash_reference")
        try await loader.migrate(database, mockBaseURL: mock.baseURL)
        let run = try await loader.startBackfill(database, mockBaseURL: mock.baseURL).wait()
        guard run.ending == .exited(0) else {
            throw ChildProcessError("the reference backfill ended with \(run.ending)\n\(run.transcript)")
        }
        let runs = try await RunLedger.read(database)
        guard runs.count == 1, let only = runs.first else {
            throw ChildProcessError("the reference database holds \(runs.count) runs instead of 1")
        }
        return Reference(
            database: database, fingerprint: try await WarehouseFingerprint.read(database), run: only)
    }

    /// The reference warehouse.
    struct Reference: Sendable {
        var database: DatabaseConfiguration
        var fingerprint: WarehouseFingerprint
        /// Its one `etl_run` row.
        var run: RunLedger.Run
    }
}

import EmbeddedPostgres
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("kill -9 of the loader at random moments, then a rerun")
struct RandomKillTests {
    /// Each attempt kills at a random moment within its own part of a slow run (the mock waits
    /// 150 ms per answer, so the run fetches for at least 3 s): early, middle and late.
    @Test(
        "a SIGKILL at a random moment of a slow run, then a rerun, leaves the warehouse equal to an uninterrupted load",
        arguments: [0..<900, 900..<1_800, 1_800..<2_700])
    func killAtRandomMoment(_ band: Range<Int>) async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.slowMock.value
        let reference = try await CrashFixture.reference.value
        let database = try await TestPostgres.makeDatabase(prefix: "qai_crash_random")
        try await loader.migrate(database, mockBaseURL: mock.baseURL)

        let delay = Int.random(in: band)
        let process = try loader.startBackfill(database, mockBaseURL: mock.baseURL)
        try await RunLedger.waitForRunToStart(database)
        try await Task.sleep(for: .milliseconds(delay))
        process.send(SIGKILL)
        let killed = try await process.wait()
        try #require(
            killed.ending == .signalled(SIGKILL),
            "the loader ended with \(killed.ending) before the kill \(delay) ms into its run\n\(killed.transcript)")

        let recovery = Recovery(
            loader: loader, database: database, mockBaseURL: mock.baseURL,
            interruption: "a SIGKILL \(delay) ms into the run",
            scenario: "crash: kill -9 at a random moment (\(band.lowerBound)-\(band.upperBound) ms)")
        try await recovery.rerunAndVerify(reference: reference)
    }
}

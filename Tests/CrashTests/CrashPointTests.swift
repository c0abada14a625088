import EmbeddedPostgres
import Foundation
import Postgres
import Testing

@testable import Warehouse

#if canImport(Glibc)
    import Glibc
#endif

/// One named crash point and occurrence to kill at, with how many batches must have committed by
/// then when the point fixes it. The fixture's 3,000 conversations over 14 one-day slices load
/// in exactly 2 batches (a batch closes once it holds 2,000 conversations), and a batch's merge
/// replaces child rows with 10 statements (`mid-merge` is reached before each of them). Counted
/// scenarios load on one writer, so batches reach the points in order; the two-writer ones
/// (batches loading side by side, committing in either order) check the rerun only.
struct CrashScenario: Sendable, CustomTestStringConvertible {
    var point: CrashPoint
    var occurrence: Int
    /// Batches committed before the kill; nil when it depends on timing.
    var committedBatches: Int?
    /// Writer connections of the killed run.
    var writers = 1

    var crashAt: String { "\(point.rawValue):\(occurrence)" }
    var testDescription: String { writers == 1 ? crashAt : "\(crashAt), \(writers) writers" }

    static let batches = 2

    static let all: [CrashScenario] = [
        CrashScenario(point: .fetched, occurrence: 1, committedBatches: 0),
        CrashScenario(point: .fetched, occurrence: 12, committedBatches: nil),
        CrashScenario(point: .beforeCopy, occurrence: 1, committedBatches: 0),
        CrashScenario(point: .beforeMerge, occurrence: 1, committedBatches: 0),
        CrashScenario(point: .midMerge, occurrence: 1, committedBatches: 0),
        CrashScenario(point: .midMerge, occurrence: 7, committedBatches: 0),
        CrashScenario(point: .midMerge, occurrence: 12, committedBatches: 1),
        CrashScenario(point: .beforeCheckpoint, occurrence: 1, committedBatches: 0),
        CrashScenario(point: .beforeCheckpoint, occurrence: 2, committedBatches: 1),
        CrashScenario(point: .beforeCommit, occurrence: 1, committedBatches: 0),
        CrashScenario(point: .beforeCommit, occurrence: 2, committedBatches: 1),
        CrashScenario(point: .afterCommit, occurrence: 1, committedBatches: 1),
        CrashScenario(point: .afterCommit, occurrence: 2, committedBatches: 2),
        CrashScenario(point: .beforeFinish, occurrence: 1, committedBatches: 2),
        CrashScenario(point: .midMerge, occurrence: 12, committedBatches: nil, writers: 2),
        CrashScenario(point: .beforeCommit, occurrence: 2, committedBatches: nil, writers: 2),
        CrashScenario(point: .afterCommit, occurrence: 1, committedBatches: nil, writers: 2),
    ]
}

@Suite("kill -9 of the loader, then a rerun")
struct CrashPointTests {
    @Test(
        "a kill at a crash point, then a rerun, leaves the warehouse equal to an uninterrupted load",
        arguments: CrashScenario.all)
    func killAtPointThenRerun(_ scenario: CrashScenario) async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.fastMock.value
        let reference = try await CrashFixture.reference.value
        let database = try await TestPostgres.makeDatabase(prefix: "qai_crash")
        try await loader.migrate(database, mockBaseURL: mock.baseURL)

        try await Self.backfill(
            killedAt: scenario.crashAt, writers: scenario.writers, loader: loader, database: database,
            mock: mock.baseURL)
        let recovery = Recovery(
            loader: loader, database: database, mockBaseURL: mock.baseURL,
            interruption: "a kill at \(scenario.testDescription)",
            scenario: "crash: kill -9 at \(scenario.testDescription)")
        let left = try await recovery.rerunAndVerify(reference: reference)
        if let batches = scenario.committedBatches {
            #expect(left.batches == batches, "batches committed before a kill at \(scenario.crashAt)")
            #expect(
                (left.slices == CrashFixture.slices) == (batches == CrashScenario.batches),
                "all \(CrashFixture.slices) slices are done exactly when every batch committed: \(left)")
        }
    }

    @Test("a rerun killed too, then a third run, leaves the warehouse equal to an uninterrupted load")
    func rerunKilledToo() async throws {
        let loader = try LoaderBinary.locate()
        let mock = try await CrashFixture.fastMock.value
        let reference = try await CrashFixture.reference.value
        let database = try await TestPostgres.makeDatabase(prefix: "qai_crash_twice")
        try await loader.migrate(database, mockBaseURL: mock.baseURL)

        try await Self.backfill(killedAt: "before-commit:2", loader: loader, database: database, mock: mock.baseURL)
        let others = try await RunLedger.waitForOtherSessionsToEnd(database)
        #expect(others == 0, "sessions of the killed loader still connected 10 s after the kill")
        try await Self.backfill(killedAt: "after-commit:1", loader: loader, database: database, mock: mock.baseURL)

        let recovery = Recovery(
            loader: loader, database: database, mockBaseURL: mock.baseURL,
            interruption: "a kill at before-commit:2 and one of the rerun at after-commit:1", interruptedRuns: 2,
            scenario: "crash: kill -9 of the run and of its rerun")
        let left = try await recovery.rerunAndVerify(reference: reference)
        #expect(left.slices == CrashFixture.slices, "the killed rerun had committed the rest before it died: \(left)")
    }

    /// Runs the fixture's backfill with `QAI_CRASH_AT=crashAt` and requires it to die there by SIGKILL.
    static func backfill(
        killedAt crashAt: String, writers: Int? = nil, loader: LoaderBinary, database: DatabaseConfiguration,
        mock: String
    ) async throws {
        let killed = try await loader.startBackfill(database, mockBaseURL: mock, crashAt: crashAt, writers: writers)
            .wait()
        try #require(
            killed.ending == .signalled(SIGKILL),
            "crash point \(crashAt) was not reached: the loader ended with \(killed.ending)\n\(killed.transcript)")
        #expect(killed.errors.contains("crash point \(crashAt) reached"))
    }

    @Test("every crash point has a scenario that kills there")
    func everyPointCovered() {
        let covered = Set(CrashScenario.all.map(\.point))
        #expect(covered == Set(CrashPoint.allCases), "points without a kill scenario")
    }

    @Test("QAI_CRASH_AT names a point and an occurrence, the first by default")
    func crashAtParsing() {
        func parsed(_ text: String) -> String? {
            CrashPoint.Target(parsing: text).map { "\($0.name) #\($0.occurrence)" }
        }
        #expect(parsed("before-commit:2") == "before-commit #2")
        #expect(parsed("before-commit") == "before-commit #1")
        #expect(parsed("odd:name:3") == "odd:name #3")
        #expect(parsed("after-commit:0") == "after-commit:0 #1")
        #expect(parsed("") == nil)
        #expect(parsed(":2") == nil)
    }
}

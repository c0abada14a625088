import EmbeddedPostgres
import Foundation
import MockAPI
import Postgres
import Testing
import Warehouse

/// Issue 12 through the built binary on the mock's simulated clock (`--now` is the loader's
/// hidden clock option): README's "A first real load" and deploy/README.md's steps, run as
/// written, leave no hole; every day equals the mock's truth after each night.
@Suite("Lifecycle of the nightly job, as the READMEs give it")
struct LifecycleCommandTests {
    static let day: Int64 = 86_400
    /// 2026-03-01 00:00:00 UTC; the mock's range is the 40 days from here.
    static let origin: Int64 = 1_772_323_200
    /// The first night: 2026-03-31 02:00 UTC.
    static let night = origin + 30 * day + 7_200

    static func date(_ seconds: Int64) -> String { String(StatusTime.iso(seconds).prefix(10)) }
    static func time(_ seconds: Int64) -> String { String(seconds) }

    @Test("README: backfill of older history, sync, nights later sync: no hole, every day equals the truth")
    func readmeFirstLoad() async throws {
        try await Self.withClockMock { mock, environment in
            let steps: [[String]] = [
                ["migrate"],
                [
                    "backfill", "--from", Self.date(Self.night - 30 * Self.day), "--to",
                    Self.date(Self.night - 20 * Self.day), "--now", Self.time(Self.night),
                ],
                ["sync", "--now", Self.time(Self.night)],
            ]
            for step in steps {
                let output = try await LoaderProcess.run(step, environment: environment)
                #expect(output.exitCode == 0, "\(step): \(output.all)")
            }
            try await Self.expectEveryDayMatches(mock, at: Self.night, environment: environment)
            for later in [Self.night + Self.day, Self.night + 3 * Self.day] {
                try mock.control.setClock(later)
                let output = try await LoaderProcess.run(["sync", "--now", Self.time(later)], environment: environment)
                #expect(output.exitCode == 0, "\(output.all)")
                try await Self.expectEveryDayMatches(mock, at: later, environment: environment)
            }
            let check = try await LoaderProcess.run(["status", "--check"], environment: environment)
            #expect(check.exitCode == 0, "\(check.all)")
        }
    }

    @Test("deploy/README: sync first, history later: status --check fails on the gap, sync --fill-gaps closes it")
    func syncFirstThenHistory() async throws {
        try await Self.withClockMock { mock, environment in
            for step in [
                ["migrate"], ["sync", "--now", Self.time(Self.night)],
                [
                    "backfill", "--from", Self.date(Self.night - 30 * Self.day), "--to",
                    Self.date(Self.night - 20 * Self.day), "--now", Self.time(Self.night),
                ],
            ] {
                let output = try await LoaderProcess.run(step, environment: environment)
                #expect(output.exitCode == 0, "\(step): \(output.all)")
            }
            let gap = try await LoaderProcess.run(["status", "--check"], environment: environment)
            #expect(gap.exitCode == 3, "\(gap.all)")
            let next = Self.night + Self.day
            try mock.control.setClock(next)
            let fill = try await LoaderProcess.run(
                ["sync", "--fill-gaps", "--now", Self.time(next)], environment: environment)
            #expect(fill.exitCode == 0, "\(fill.all)")
            let closed = try await LoaderProcess.run(["status", "--check"], environment: environment)
            #expect(closed.exitCode == 0, "\(closed.all)")
            try await Self.expectEveryDayMatches(mock, at: next, environment: environment)
        }
    }

    /// Every conversation the API lists at `at` (ended by then, started before the sync's cut-off)
    /// is in the warehouse and nothing else is, compared day by day.
    static func expectEveryDayMatches(
        _ mock: RunningMockAPIServer, at now: Int64, environment: [String: String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let cutoff = now - 600
        let truth = try mock.control.auditTruth(stream: Fixture.stream, to: cutoff - 1, at: now)
        var expected: [Int64: Set<String>] = [:]
        for conversation in truth { expected[conversation.start / day, default: []].insert(conversation.id) }
        let database = DatabaseConfiguration(connectionString: environment["DATABASE_URL"] ?? "")
        let rows = try await Connection.withConnection(database, logger: Fixture.logger) {
            try await $0.execute(
                """
                SELECT conversation_id,
                    floor(extract(epoch FROM coalesce(conversation_start, api_window_start)) / 86400)::bigint AS day
                FROM qai.fact_conversation
                """)
        }
        var loaded: [Int64: Set<String>] = [:]
        for row in rows {
            loaded[try row.decode("day", as: Int64.self) ?? -1, default: []].insert(row[0] ?? "")
        }
        #expect(truth.count > 3_000, sourceLocation: sourceLocation)
        for day in Set(expected.keys).union(loaded.keys).sorted() {
            let want = expected[day] ?? []
            let have = loaded[day] ?? []
            let (missing, extra) = (want.subtracting(have).count, have.subtracting(want).count)
            #expect(
                missing == 0 && extra == 0,
                "day \(date(day * Self.day)) at \(now): \(missing) missing, \(extra) not in the truth",
                sourceLocation: sourceLocation)
        }
    }

    /// A migrated-by-the-test-step database and the mock on its simulated clock at `night`.
    static func withClockMock(_ body: (RunningMockAPIServer, [String: String]) async throws -> Void) async throws {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_lifecycle")
        let configuration = MockAPIConfiguration(
            port: 0, streams: [Fixture.stream], conversationsPerStream: 40 * 150, days: 40, end: origin + 40 * day,
            seed: 9, clientId: Fixture.clientId, accountId: "acc-dayone", orgId: "o-dayone", clock: night,
            prewarm: false)
        let server = try await MockAPIServer(configuration: configuration, logger: Fixture.logger).start()
        do {
            try await body(server, Fixture.environment(database: database, apiBaseURL: server.baseURL))
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }
}

import Foundation
import Postgres
import Testing
import Warehouse

@testable import qai_loader

/// `qai-loader stream list | rewind | forget` through the built binary, against a throwaway
/// PostgreSQL and the mock API. Expected values come from what the tests loaded (SQL on the
/// tables, the mock's range), not from the code under test.
@Suite("qai-loader stream")
struct StreamCommandTests {
    static let day: Int64 = 86_400
    /// 2026-01-01 00:00:00 UTC, the first second of the mock's data.
    static let start = Fixture.end - 3 * day
    /// 2026-01-02 12:00:00 UTC, inside the second day.
    static let noonOfDayTwo = start + day + day / 2
    static let stream = Fixture.stream

    /// `stream list --json`, parsed.
    static func list(_ environment: [String: String]) async throws -> [[String: Any]] {
        let output = try await LoaderProcess.run(["stream", "list", "--json"], environment: environment)
        #expect(output.exitCode == 0, "\(output.all)")
        return try #require(
            JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]],
            "stream list --json printed no JSON array: \(output.all)")
    }

    /// The first column of the first row of `sql`.
    static func value(_ sql: String, on database: DatabaseConfiguration) async throws -> String? {
        try await Connection.withConnection(database, logger: Fixture.logger) { connection in
            try await connection.execute(Query(unsafeSQL: sql)).first?[0]
        }
    }

    /// Everything a stream command may change, as one text: watermarks, slices, runs, facts.
    static func snapshot(_ database: DatabaseConfiguration) async throws -> String {
        try await value(
            """
            SELECT concat_ws(' | ',
                (SELECT string_agg(concat_ws(',', stream_id, extract(epoch FROM watermark)::bigint,
                    extract(epoch FROM lookback_cursor)::bigint), ';' ORDER BY stream_id) FROM qai.etl_watermark),
                (SELECT string_agg(concat_ws(',', stream_id, extract(epoch FROM window_start)::bigint,
                    extract(epoch FROM window_end)::bigint, status, run_id), ';'
                    ORDER BY stream_id, window_start, window_end) FROM qai.etl_slice),
                (SELECT count(*) FROM qai.etl_run), (SELECT count(*) FROM qai.fact_conversation))
            """, on: database) ?? ""
    }

    /// The done slices of the stream as `[start, end]` epoch seconds (end inclusive), in time order.
    static func slices(_ database: DatabaseConfiguration, run: Int64? = nil) async throws -> [[Int64]] {
        let filter = run.map { " AND run_id = \($0)" } ?? ""
        let text = try await value(
            """
            SELECT string_agg(extract(epoch FROM window_start)::bigint || ',' || extract(epoch FROM window_end)::bigint,
                ';' ORDER BY window_start)
            FROM qai.etl_slice WHERE stream_id = '\(stream)' AND status = 'done'\(filter)
            """, on: database)
        return (text ?? "").split(separator: ";").map { $0.split(separator: ",").compactMap { Int64($0) } }
    }

    @Test("list shows what two backfills wrote: coverage, its gap, slices, last run, conversations")
    func list() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            #expect(try await Self.list(environment).isEmpty)
            for day in ["2026-01-01", "2026-01-03"] {
                let backfill = try await LoaderProcess.run(
                    ["backfill", "--from", day, "--to", day], environment: environment)
                #expect(backfill.exitCode == 0, "\(backfill.all)")
            }
            let lastRun = try await Fixture.count("SELECT max(run_id) FROM qai.etl_run", on: database)
            let conversations = try await Fixture.count(
                "SELECT count(*) FROM qai.fact_conversation WHERE stream_id = '\(Self.stream)'", on: database)
            #expect(conversations > 0)
            let streams = try await Self.list(environment)
            #expect(streams.count == 1)
            let state = try #require(streams.first)
            #expect(state["stream_id"] as? String == Self.stream)
            #expect(state["watermark"] is NSNull, "a backfill sets no watermark")
            #expect(state["lookback_cursor"] is NSNull)
            #expect(state["covered_from"] as? String == "2026-01-01T00:00:00Z")
            #expect(state["covered_to"] as? String == "2026-01-04T00:00:00Z")
            #expect(state["gaps"] as? Int == 1)
            #expect(state["done_slices"] as? Int == 2)
            #expect(state["slices"] as? Int == 2)
            #expect(state["resumes_at"] as? String == "2026-01-04T00:00:00Z")
            #expect(state["conversations"] as? Int == conversations)
            let run = try #require(state["last_run"] as? [String: Any])
            #expect(run["run_id"] as? Int == lastRun)
            #expect(run["command"] as? String == "backfill")
            #expect(run["status"] as? String == "succeeded")
            let text = try await LoaderProcess.run(["stream", "list"], environment: environment)
            #expect(text.exitCode == 0, "\(text.all)")
            #expect(text.stdout.contains(Self.stream), "\(text.stdout)")
            #expect(text.stdout.contains("2026-01-01T00:00:00Z .. 2026-01-04T00:00:00Z"), "\(text.stdout)")
            #expect(text.stdout.contains("\(lastRun) backfill (succeeded)"), "\(text.stdout)")
        }
    }

    @Test("rewind: watermark back, later slices deleted, the spanning one clipped, cursor reset; sync resumes at T")
    func rewindThenSync() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            _ = try await Fixture.sync(mock: mock, database: database)
            try await Fixture.execute(
                "UPDATE qai.etl_watermark SET lookback_cursor = '2026-01-02 00:00:00+00'", on: database)
            let facts = try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database)
            let truth = try await Fixture.truth(mock)
            #expect(facts == truth.count)
            #expect(try await Self.slices(database).first == [Self.start, Self.start + Self.day - 1])
            #expect(try await Self.slices(database).last?.last == Fixture.end - 1)

            let rewind = try await LoaderProcess.run(
                ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-02 12:00:00"], environment: environment)
            #expect(rewind.exitCode == 0, "\(rewind.all)")
            #expect(rewind.stdout.contains("2026-01-04T00:00:00Z -> 2026-01-02T12:00:00Z"), "\(rewind.stdout)")
            #expect(rewind.stdout.contains("shortened to end at 2026-01-02T11:59:59Z"), "\(rewind.stdout)")
            #expect(rewind.stdout.contains("Loaded conversations stay"), "\(rewind.stdout)")

            let watermark = try await Fixture.count(
                "SELECT extract(epoch FROM watermark)::bigint FROM qai.etl_watermark", on: database)
            #expect(Int64(watermark) == Self.noonOfDayTwo)
            #expect(
                try await Fixture.count(
                    "SELECT count(*) FROM qai.etl_watermark WHERE lookback_cursor IS NOT NULL", on: database) == 0)
            // Whatever the slicing, nothing at or after T is left, and the time just before T is covered.
            let kept = try await Self.slices(database)
            #expect(kept.allSatisfy { $0[1] < Self.noonOfDayTwo }, "\(kept)")
            #expect(kept.last?.last == Self.noonOfDayTwo - 1)
            #expect(kept.first?.first == Self.start)
            #expect(try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database) == facts)
            let recorded = try await Self.value(
                """
                SELECT concat_ws(',', command, status, options->>'stream', options->>'to',
                    counts->'\(Self.stream)'->>'slices_deleted', counts->'\(Self.stream)'->>'slices_clipped',
                    finished_at IS NOT NULL)
                FROM qai.etl_run ORDER BY run_id DESC LIMIT 1
                """, on: database)
            #expect(recorded == "stream rewind,succeeded,\(Self.stream),2026-01-02T12:00:00Z,1,1,t")

            // The planner resumes at T, and a sync fetches exactly [T, end) again.
            let positions = try await Connection.withConnection(database, logger: Fixture.logger) {
                try await SyncPlanner.positions(schema: try Identifier("qai"), on: $0)
            }
            #expect(positions[Self.stream]?.resumePoint == Self.noonOfDayTwo)
            let summary = try await Fixture.sync(mock: mock, database: database)
            let fetched = try await Self.slices(database, run: summary.runId)
            #expect(fetched.first?.first == Self.noonOfDayTwo, "\(fetched)")
            #expect(fetched.last?.last == Fixture.end - 1, "\(fetched)")
            #expect(
                try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database) == truth.count)
            let state = try #require(try await Self.list(environment).first)
            #expect(state["watermark"] as? String == "2026-01-04T00:00:00Z")
            #expect(state["covered_from"] as? String == "2026-01-01T00:00:00Z")
            #expect(state["covered_to"] as? String == "2026-01-04T00:00:00Z")
            #expect(state["gaps"] as? Int == 0)
            #expect((state["last_run"] as? [String: Any])?["run_id"] as? Int == Int(summary.runId))
        }
    }

    @Test("rewind never moves a watermark forward; a stream without one gets it at T")
    func rewindNeverForward() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            let backfill = try await LoaderProcess.run(
                ["backfill", "--from", "2026-01-01", "--to", "2026-01-03"], environment: environment)
            #expect(backfill.exitCode == 0, "\(backfill.all)")
            // No watermark (backfill only): created at T, so sync starts at T.
            let created = try await LoaderProcess.run(
                ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-03"], environment: environment)
            #expect(created.exitCode == 0, "\(created.all)")
            #expect(created.stdout.contains("created"), "\(created.stdout)")
            var state = try #require(try await Self.list(environment).first)
            #expect(state["watermark"] as? String == "2026-01-03T00:00:00Z")
            #expect(state["resumes_at"] as? String == "2026-01-03T00:00:00Z")
            #expect(state["done_slices"] as? Int == 2)
            // A watermark earlier than T stays where it is; the coverage from T on still goes.
            try await Fixture.execute(
                "UPDATE qai.etl_watermark SET watermark = '2026-01-01 06:00:00+00'", on: database)
            let later = try await LoaderProcess.run(
                ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-02"], environment: environment)
            #expect(later.exitCode == 0, "\(later.all)")
            state = try #require(try await Self.list(environment).first)
            #expect(state["watermark"] as? String == "2026-01-01T06:00:00Z")
            #expect(state["covered_to"] as? String == "2026-01-02T00:00:00Z")
            #expect(state["resumes_at"] as? String == "2026-01-02T00:00:00Z")
            #expect(state["done_slices"] as? Int == 1)
        }
    }

    @Test("forget deletes the watermark and slices, keeps the facts; without --yes it exits 64 and keeps everything")
    func forget() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            _ = try await Fixture.sync(mock: mock, database: database)
            let facts = try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database)
            let metrics = try await Fixture.count("SELECT count(*) FROM qai.fact_metric", on: database)
            let before = try await Self.snapshot(database)
            let unconfirmed = try await LoaderProcess.run(
                ["stream", "forget", "--stream", Self.stream], environment: environment)
            #expect(unconfirmed.exitCode == 64, "\(unconfirmed.all)")
            #expect(unconfirmed.stderr.contains("needs --yes"), "\(unconfirmed.stderr)")
            #expect(unconfirmed.stderr.contains("would delete"), "\(unconfirmed.stderr)")
            #expect(unconfirmed.stderr.contains("its watermark (2026-01-04T00:00:00Z)"), "\(unconfirmed.stderr)")
            #expect(try await Self.snapshot(database) == before)

            let forget = try await LoaderProcess.run(
                ["stream", "forget", "--stream", Self.stream, "--yes"], environment: environment)
            #expect(forget.exitCode == 0, "\(forget.all)")
            #expect(forget.stdout.contains("stay in fact_conversation"), "\(forget.stdout)")
            #expect(try await Fixture.count("SELECT count(*) FROM qai.etl_watermark", on: database) == 0)
            #expect(try await Fixture.count("SELECT count(*) FROM qai.etl_slice", on: database) == 0)
            #expect(try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database) == facts)
            #expect(try await Fixture.count("SELECT count(*) FROM qai.fact_metric", on: database) == metrics)
            let recorded = try await Self.value(
                """
                SELECT concat_ws(',', command, status, options->>'stream', counts->'\(Self.stream)'->>'slices_deleted',
                    counts->'\(Self.stream)'->>'watermark_deleted')
                FROM qai.etl_run ORDER BY run_id DESC LIMIT 1
                """, on: database)
            #expect(recorded == "stream forget,succeeded,\(Self.stream),3,true")
            #expect(try await Self.list(environment).isEmpty)
            let status = try await LoaderProcess.run(["status"], environment: environment)
            #expect(status.stdout.contains("stream forget"), "\(status.stdout)")
        }
    }

    @Test("--dry-run of rewind and forget prints what would change and changes nothing")
    func dryRun() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            _ = try await Fixture.sync(mock: mock, database: database)
            let before = try await Self.snapshot(database)
            let rewind = try await LoaderProcess.run(
                ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-02", "--dry-run"],
                environment: environment)
            #expect(rewind.exitCode == 0, "\(rewind.all)")
            #expect(rewind.stdout.contains("Would rewind"), "\(rewind.stdout)")
            #expect(rewind.stdout.contains("2026-01-04T00:00:00Z -> 2026-01-02T00:00:00Z"), "\(rewind.stdout)")
            #expect(rewind.stdout.contains("2 deleted"), "\(rewind.stdout)")
            #expect(rewind.stdout.contains("nothing was changed"), "\(rewind.stdout)")
            let forget = try await LoaderProcess.run(
                ["stream", "forget", "--stream", Self.stream, "--yes", "--dry-run"], environment: environment)
            #expect(forget.exitCode == 0, "\(forget.all)")
            #expect(forget.stdout.contains("Would delete"), "\(forget.stdout)")
            #expect(try await Self.snapshot(database) == before)
        }
    }

    @Test("while another session holds the stream's lock: exit 75 naming the stream, nothing changed")
    func refusedWhileLocked() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            _ = try await Fixture.sync(mock: mock, database: database)
            let before = try await Self.snapshot(database)
            let key = StreamLock.key(schema: try Identifier("qai"), stream: Self.stream)
            try await Connection.withConnection(database, logger: Fixture.logger) { holder in
                // The session-level lock, as a running sync or backfill holds it (the sync's server
                // session may still be exiting, holding it for a moment).
                var locked = try await holder.tryAdvisoryLock(key)
                for _ in 0..<40 where !locked {
                    try await Task.sleep(for: .milliseconds(250))
                    locked = try await holder.tryAdvisoryLock(key)
                }
                try #require(locked)
                for arguments in [
                    ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-02"],
                    ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-02", "--dry-run"],
                    ["stream", "forget", "--stream", Self.stream, "--yes"],
                ] {
                    let output = try await LoaderProcess.run(arguments, environment: environment)
                    #expect(output.exitCode == 75, "\(output.all)")
                    #expect(output.stderr.contains("holds stream \(Self.stream)"), "\(output.stderr)")
                    #expect(output.stderr.contains("nothing was changed"), "\(output.stderr)")
                }
                #expect(try await Self.snapshot(database) == before)
                try await holder.advisoryUnlock(key)
            }
            let rewind = try await LoaderProcess.run(
                ["stream", "rewind", "--stream", Self.stream, "--to", "2026-01-02"], environment: environment)
            #expect(rewind.exitCode == 0, "\(rewind.all)")
            // The change released its lock: a run can take the stream again.
            let free = try await Connection.withConnection(database, logger: Fixture.logger) { connection in
                try await connection.tryAdvisoryLock(key)
            }
            #expect(free)
        }
    }

    @Test("an unknown stream: exit 64 naming it, nothing changed")
    func unknownStream() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            _ = try await Fixture.sync(mock: mock, database: database)
            let before = try await Self.snapshot(database)
            for arguments in [
                ["stream", "rewind", "--stream", "st-nope", "--to", "2026-01-02"],
                ["stream", "forget", "--stream", "st-nope", "--yes"],
                ["stream", "forget", "--stream", "st-nope"],
            ] {
                let output = try await LoaderProcess.run(arguments, environment: environment)
                #expect(output.exitCode == 64, "\(output.all)")
                #expect(output.stderr.contains("stream st-nope"), "\(output.stderr)")
                #expect(output.stderr.contains("stream list"), "\(output.stderr)")
            }
            #expect(try await Self.snapshot(database) == before)
        }
    }
}

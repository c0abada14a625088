import EmbeddedPostgres
import Foundation
import Postgres
import Testing
import Warehouse

@testable import qai_loader

@Suite("qai-loader status")
struct StatusCommandTests {
    static let topKeys: Set = [
        "schema", "schema_version", "generated_at", "runs", "running", "streams", "conversations", "rejected",
        "budgets",
    ]
    static let runKeys: Set = [
        "run_id", "command", "status", "started_at", "finished_at", "duration_seconds", "fetched", "inserted",
        "updated", "unchanged", "rejected", "requests", "retries", "rate_limited", "type_drift", "type_drift_total",
        "error", "host", "pid", "alive",
    ]
    static let streamKeys: Set = [
        "stream_id", "watermark", "lag_seconds", "lookback_cursor", "lookback", "last_slice_completed_at",
        "conversations", "covered_from", "covered_to", "gaps", "resweep", "paging",
    ]
    static let lookbackKeys: Set = [
        "days", "window_start", "window_end", "swept_within_days", "covered_seconds", "fraction",
    ]

    static func json(_ output: LoaderOutput) throws -> [String: Any] {
        try #require(
            JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
            "status --json printed no JSON object: \(output.all)")
    }

    static func iso(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
    }

    @Test("an unmigrated database: says to run migrate, exit 65, nothing on stdout")
    func unmigrated() async throws {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_loader")
        for arguments in [["status"], ["status", "--json"]] {
            let output = try await LoaderProcess.run(
                arguments, environment: ["DATABASE_URL": database.connectionString])
            #expect(output.exitCode == 65, "\(output.all)")
            #expect(output.stderr.contains("run 'qai-loader migrate' first"))
            #expect(output.stdout.isEmpty)
        }
    }

    @Test("a wrong database password: exit 1 (not 69: the server is reachable) with the advice, no password")
    func wrongPassword() async throws {
        let database = try await Fixture.migratedDatabase()
        let password = "Status-Pa55-\(UUID().uuidString.prefix(8))"
        let role = try await Fixture.passwordRole(password: "right-\(password)", on: database)
        let wrong = try database.replacing(["user": role, "password": password])
        for arguments in [["status"], ["status", "--json"]] {
            let output = try await LoaderProcess.run(arguments, environment: ["DATABASE_URL": wrong.connectionString])
            #expect(output.exitCode == 1, "\(output.all)")
            #expect(output.stderr.contains("check the password"))
            #expect(output.stdout.isEmpty)
            #expect(!output.all.contains(password))
        }
    }

    @Test("a read-only role can run status; its password appears nowhere in the output")
    func readOnlyRole() async throws {
        let database = try await Fixture.migratedDatabase()
        let password = "ReadOnly-Pa55-\(UUID().uuidString.prefix(8))"
        let role = try await Fixture.passwordRole(password: password, on: database)
        try await Fixture.execute(
            """
            GRANT USAGE ON SCHEMA qai TO \(role);
            GRANT SELECT ON ALL TABLES IN SCHEMA qai TO \(role);
            INSERT INTO qai.etl_run (command, status, finished_at, error) VALUES ('sync', 'failed', now(), 'boom');
            """, on: database)
        let asRole = try database.replacing(["user": role, "password": password])
        for arguments in [["status"], ["status", "--json"]] {
            let output = try await LoaderProcess.run(arguments, environment: ["DATABASE_URL": asRole.connectionString])
            #expect(output.exitCode == 0, "\(output.all)")
            #expect(output.stdout.contains("boom"))
            #expect(!output.all.contains(password))
        }
    }

    @Test("an empty warehouse: no runs yet; --json has every key with empty lists and zero counts")
    func empty() async throws {
        let database = try await Fixture.migratedDatabase()
        let environment = ["DATABASE_URL": database.connectionString]
        let text = try await LoaderProcess.run(["status"], environment: environment)
        #expect(text.exitCode == 0, "\(text.all)")
        #expect(text.stdout.contains("No runs yet"))
        #expect(text.stdout.contains("Streams: none loaded yet."))
        let output = try await LoaderProcess.run(["status", "--json"], environment: environment)
        #expect(output.exitCode == 0, "\(output.all)")
        let object = try Self.json(output)
        #expect(Set(object.keys) == Self.topKeys)
        #expect(object["schema"] as? String == "qai")
        #expect(object["schema_version"] as? Int == Migration.embedded.last?.version)
        #expect((object["runs"] as? [Any])?.isEmpty == true)
        #expect((object["running"] as? [Any])?.isEmpty == true)
        #expect((object["streams"] as? [Any])?.isEmpty == true)
        #expect((object["budgets"] as? [Any])?.isEmpty == true)
        let conversations = try #require(object["conversations"] as? [String: Any])
        #expect(conversations["total"] as? Int == 0)
        #expect((conversations["by_audit_status"] as? [String: Int])?.isEmpty == true)
        let rejected = try #require(object["rejected"] as? [String: Any])
        #expect(rejected["total"] as? Int == 0)
        #expect(Set(rejected.keys) == ["run_ids", "total", "reasons"])
    }

    @Test("a loaded warehouse: runs, watermark and lag, lookback coverage, counts equal the mock's truth")
    func loaded() async throws {
        let database = try await Fixture.migratedDatabase()
        let (first, truth) = try await Fixture.withMock { mock in
            let first = try await Fixture.sync(mock: mock, database: database)
            _ = try await Fixture.sync(mock: mock, database: database, lookbackDays: 2)
            return (first, try await Fixture.truth(mock))
        }
        #expect(truth.count > 0)
        let metrics = FileManager.default.temporaryDirectory.appending(path: "qai-\(UUID().uuidString).prom").path
        defer { try? FileManager.default.removeItem(atPath: metrics) }
        try MetricsFile.write(summary: first, command: .sync, to: metrics)
        let sample =
            "qai_loader_last_run_conversations{command=\"sync\",stream=\"\(Fixture.stream)\",result=\"inserted\"}"
        #expect(try String(contentsOfFile: metrics, encoding: .utf8).contains("\(sample) \(Double(truth.count))\n"))
        let environment = ["DATABASE_URL": database.connectionString]
        let output = try await LoaderProcess.run(
            ["status", "--json", "--lookback-days", "2"], environment: environment)
        #expect(output.exitCode == 0, "\(output.all)")
        let object = try Self.json(output)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { Set($0.keys) == Self.runKeys })
        #expect(runs.map { $0["run_id"] as? Int } == [2, 1])
        #expect(runs.allSatisfy { $0["status"] as? String == "succeeded" && $0["command"] as? String == "sync" })
        #expect(runs[1]["inserted"] as? Int == truth.count)
        #expect(runs[1]["fetched"] as? Int == truth.count)
        #expect(runs[0]["inserted"] as? Int == 0)
        #expect(runs[0]["updated"] as? Int == 0)
        #expect(runs.allSatisfy { $0["error"] is NSNull && $0["alive"] is NSNull })
        #expect(runs.allSatisfy { $0["type_drift"] as? [String: Int] == [:] && $0["type_drift_total"] as? Int == 0 })

        let streams = try #require(object["streams"] as? [[String: Any]])
        let stream = try #require(streams.first)
        #expect(streams.count == 1 && Set(stream.keys) == Self.streamKeys)
        #expect(stream["stream_id"] as? String == Fixture.stream)
        #expect(stream["watermark"] as? String == Self.iso(Fixture.end))
        let generated = try #require((object["generated_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
        #expect(stream["lag_seconds"] as? Int == Int(generated.timeIntervalSince1970) - Int(Fixture.end))
        let lookback = try #require(stream["lookback"] as? [String: Any])
        #expect(Set(lookback.keys) == Self.lookbackKeys)
        #expect(lookback["window_start"] as? String == Self.iso(Fixture.end - 2 * 86_400))
        #expect(lookback["covered_seconds"] as? Int == 2 * 86_400)
        #expect(lookback["fraction"] as? Double == 1)

        let conversations = try #require(object["conversations"] as? [String: Any])
        #expect(conversations["total"] as? Int == truth.count)
        #expect(conversations["by_audit_status"] as? [String: Int] == truth.byAuditStatus)
        let perStream = try #require(stream["conversations"] as? [String: Any])
        #expect(perStream["total"] as? Int == truth.count)
    }

    @Test("coverage counts only slices swept recently; rejections grouped by reason; a dead running run")
    func coverageRejectionsAndRunning() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in _ = try await Fixture.sync(mock: mock, database: database) }
        let lastDay = Fixture.end - 86_400
        try await Fixture.execute(
            """
            UPDATE qai.etl_slice SET completed_at = now() - interval '5 days'
                WHERE window_start >= to_timestamp(\(lastDay));
            INSERT INTO qai.etl_run (run_id, command, status, finished_at, rejected, error)
                VALUES (40, 'backfill', 'partial', now(), 3, 'first line of the error
            second line');
            INSERT INTO qai.etl_rejected (run_id, stream_id, reason) VALUES
                (40, 'st-dayone', 'record 3 has no conversation id'),
                (40, 'st-dayone', 'record 17 has no conversation id'),
                (40, 'st-dayone', 'record 2 is a JSON array, not an object');
            INSERT INTO qai.etl_run (run_id, command, status, host, pid) VALUES (41, 'sync', 'running', 'h1', 4242);
            """, on: database)
        let environment = ["DATABASE_URL": database.connectionString]
        let output = try await LoaderProcess.run(
            ["status", "--json", "--lookback-days", "2", "--swept-within-days", "1"], environment: environment)
        #expect(output.exitCode == 0, "\(output.all)")
        let object = try Self.json(output)
        let stream = try #require((object["streams"] as? [[String: Any]])?.first)
        let lookback = try #require(stream["lookback"] as? [String: Any])
        #expect(lookback["covered_seconds"] as? Int == 86_400)
        #expect(lookback["fraction"] as? Double == 0.5)
        let rejected = try #require(object["rejected"] as? [String: Any])
        #expect(rejected["total"] as? Int == 3)
        let reasons = try #require(rejected["reasons"] as? [[String: Any]])
        #expect(
            reasons.map { $0["reason"] as? String } == [
                "record # has no conversation id", "record # is a JSON array, not an object",
            ])
        #expect(reasons.map { $0["count"] as? Int } == [2, 1])
        let running = try #require(object["running"] as? [[String: Any]])
        #expect(running.map { $0["run_id"] as? Int } == [41])
        #expect(running.first?["alive"] as? Bool == false)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.first(where: { $0["run_id"] as? Int == 40 })?["error"] as? String == "first line of the error")

        let text = try await LoaderProcess.run(["status", "--lookback-days", "2"], environment: environment)
        #expect(text.exitCode == 0, "\(text.all)")
        #expect(text.stdout.contains("Last runs:"))
        #expect(text.stdout.contains("run 41 (sync)"))
        #expect(text.stdout.contains("its process is gone"))
        #expect(text.stdout.contains("Rejected records in these runs: 3"))
        #expect(text.stdout.contains("run 40 error: first line of the error"))
        #expect(text.stdout.contains(Fixture.stream))
    }
}

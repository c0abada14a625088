import Foundation
import Postgres
import Testing

/// Issue 12 through the built binary: `status --check` fails on a coverage gap and lists it,
/// `verify` exits 0 on a complete range, 3 on an incomplete day, and `--repair` fixes it.
@Suite("qai-loader status --check and verify")
struct CoverageCommandTests {
    @Test("a gap between two backfills: status lists it, --check exits 3; backfilling it makes --check pass")
    func statusCheck() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            for day in ["2026-01-01", "2026-01-03"] {
                let backfill = try await LoaderProcess.run(
                    ["backfill", "--from", day, "--to", day], environment: environment)
                #expect(backfill.exitCode == 0, "\(backfill.all)")
            }
            let check = try await LoaderProcess.run(["status", "--check"], environment: environment)
            #expect(check.exitCode == 3, "\(check.all)")
            #expect(check.stdout.contains("1 GAP(S)"), "\(check.stdout)")
            let json = try await LoaderProcess.run(["status", "--json"], environment: environment)
            #expect(json.exitCode == 0, "\(json.all)")
            let object = try StatusCommandTests.json(json)
            let stream = try #require((object["streams"] as? [[String: Any]])?.first)
            let gaps = try #require(stream["gaps"] as? [[String: Any]])
            #expect(gaps.count == 1)
            #expect(gaps.first?["from"] as? String == "2026-01-02T00:00:00Z")
            #expect(gaps.first?["to"] as? String == "2026-01-03T00:00:00Z")
            #expect(gaps.first?["seconds"] as? Int == 86_400)
            #expect(stream["covered_to"] as? String == "2026-01-04T00:00:00Z")
            let fill = try await LoaderProcess.run(
                ["backfill", "--from", "2026-01-02", "--to", "2026-01-02"], environment: environment)
            #expect(fill.exitCode == 0, "\(fill.all)")
            let passing = try await LoaderProcess.run(["status", "--check"], environment: environment)
            #expect(passing.exitCode == 0, "\(passing.all)")
            #expect(passing.stdout.contains("no gaps"), "\(passing.stdout)")
        }
    }

    @Test("verify: 0 on a complete range, 3 with the incomplete day named, --repair makes it match")
    func verify() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.withMock { mock in
            let environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            let range = ["--from", "2026-01-01", "--to", "2026-01-03"]
            let backfill = try await LoaderProcess.run(["backfill"] + range, environment: environment)
            #expect(backfill.exitCode == 0, "\(backfill.all)")
            let complete = try await LoaderProcess.run(["verify"] + range, environment: environment)
            #expect(complete.exitCode == 0, "\(complete.all)")
            #expect(complete.stdout.contains("Checked 3 slices with 3 requests: the warehouse matches the API."))
            try await Fixture.execute(
                """
                DELETE FROM qai.fact_conversation WHERE conversation_id IN (SELECT conversation_id
                    FROM qai.fact_conversation WHERE conversation_start >= '2026-01-02 00:00:00+00'
                    AND conversation_start < '2026-01-03 00:00:00+00' ORDER BY conversation_id LIMIT 7)
                """, on: database)
            let incomplete = try await LoaderProcess.run(["verify"] + range, environment: environment)
            #expect(incomplete.exitCode == 3, "\(incomplete.all)")
            #expect(incomplete.stdout.contains("1 differ"))
            #expect(incomplete.stdout.contains("2026-01-02T00:00:00Z to 2026-01-03T00:00:00Z"))
            #expect(incomplete.stdout.contains("(7 missing)"), "\(incomplete.stdout)")
            let repaired = try await LoaderProcess.run(["verify", "--repair"] + range, environment: environment)
            #expect(repaired.exitCode == 0, "\(repaired.all)")
            #expect(repaired.stdout.contains("Checked again: all 1 repaired slices match."), "\(repaired.stdout)")
            let again = try await LoaderProcess.run(["verify", "--json"] + range, environment: environment)
            #expect(again.exitCode == 0, "\(again.all)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
            #expect(object["differing"] as? Int == 0 && object["requests"] as? Int == 3)
        }
    }
}

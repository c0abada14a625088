import Postgres
import TestSupport
import Testing

/// Issue 8, input safety: a schema name and stream ids written to break SQL, URLs and JSON bodies
/// are only names. The streams load exactly their truth, the ids are stored as given, and the
/// database keeps every object the hostile names tried to drop.
@Suite struct ReliabilityInputSafetyTests {
    static let schema = "qai\"; DROP SCHEMA public CASCADE; --"
    static let streams = [
        "st-'; DROP TABLE fact_conversation; --", "st-a/../b?c=d&e#f", "st-Zoë 🎧 \"quoted\" \\ %41",
    ]

    @Test(.timeLimit(.minutes(5)))
    func hostileNamesAreOnlyNames() async throws {
        try await SyncHarness.with(conversations: 300, days: 3, streams: Self.streams, schema: Self.schema) {
            harness in
            let summary = try await harness.run(harness.backfill())
            let facts = harness.schema.qualifying("fact_conversation")
            var lost = 0
            var duplicated = 0
            for stream in Self.streams {
                let truth = try await harness.truth.window(stream: stream)
                let loaded = try await harness.query(
                    Query(unsafeSQL: "SELECT conversation_id FROM \(facts) WHERE stream_id = $1", binds: [stream])
                ).map { $0[0] ?? "" }
                #expect(Set(loaded) == Set(truth.ids), "stream \(stream)")
                lost += Set(truth.ids).subtracting(loaded).count
                duplicated += loaded.count - Set(loaded).count + Set(loaded).subtracting(truth.ids).count
            }
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded")
            let survivors = try await harness.integer(
                Query(
                    unsafeSQL: "SELECT count(*) FROM pg_namespace WHERE nspname IN ('public', $1)",
                    binds: [Self.schema]))
            #expect(survivors == 2, "the public schema and the hostile-named warehouse schema both exist")
            let slices = try await harness.query(
                Query(unsafeSQL: "SELECT DISTINCT stream_id FROM \(harness.schema.qualifying("etl_slice"))")
            ).map { $0[0] ?? "" }
            #expect(Set(slices) == Set(Self.streams), "checkpoints name the streams exactly as given")
            ScenarioReport.record(
                "input safety: hostile schema name and stream ids", runs: 1,
                passed: record.status == "succeeded" && survivors == 2, lost: lost, duplicated: duplicated)
        }
    }
}

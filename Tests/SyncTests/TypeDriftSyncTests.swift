import Postgres
import QualityAI
import Testing
import Warehouse

/// Issue 13, item 6: values that cannot be read as their type are counted per run and field in
/// `etl_run.type_drift`; `--strict-types` quarantines their records and loads the rest of the page.
/// The pages are hand-written and served over HTTP by `HostileServer`, four records a page.
@Suite(.timeLimit(.minutes(5))) struct TypeDriftSyncTests {
    /// The records served, a minute apart, with the drift each holds counted by hand in the comments.
    static let records: [[UInt8]] = [
        // koreEvaluationScore: 1 (a string that is no number).
        Array(#"{"conversationId":"d-1","koreEvaluationScore":"abc","auditor":"Ann"}"#.utf8),
        ReliabilityBadInputSyncTests.good(1, camelCase: true),
        // koreEvaluationScore: 1 (a list); metrics.weight: 2 (a word, an object).
        Array(
            #"{"conversationId":"d-2","koreEvaluationScore":[71],"Metrics":[{"Metric ID":"m-1","Metric Weight":"heavy"},{"Metric ID":"m-2","Metric Weight":{"w":1}}]}"#
                .utf8),
        // No drift: every value is one of the vendor's "no value" markers.
        Array(
            #"{"conversationId":"d-3","koreEvaluationScore":"NA","passScore":"-","auditScore":null,"auditor":"","sentimentScore":"N/A"}"#
                .utf8),
        ReliabilityBadInputSyncTests.good(2, camelCase: false),
        // isPassed: 1 (no boolean); fatalErrorCount: 1 (no integer).
        Array(#"{"conversationId":"d-4","isPassed":"maybe","Fatal Errors":"many"}"#.utf8),
        ReliabilityBadInputSyncTests.good(3, camelCase: true),
    ]
    /// The hand count of the records above.
    static let expectedDrift = ["koreEvaluationScore": 2, "metrics.weight": 2, "isPassed": 1, "fatalErrorCount": 1]
    static let drifted = ["d-1", "d-2", "d-4"]
    static let clean = ["d-3", "good-1", "good-2", "good-3"]

    /// Backfills the day from a server serving `records`; `strict` sets `--strict-types`.
    func load(_ records: [[UInt8]], strict: Bool, into harness: SyncHarness) async throws -> RunSummary {
        var request = ReliabilityBadInputSyncTests().request()
        request.strictTypes = strict
        return try await ReliabilityBadInputSyncTests.serve(records).run { url in
            try await harness.run(
                request,
                client: try harness.client {
                    $0.baseURL = url; $0.pageSize = 4
                })
        }
    }

    /// `etl_run.type_drift` as a dictionary, and `type_drift_total`.
    func storedDrift(_ runId: Int64, _ harness: SyncHarness) async throws -> ([String: Int], Int) {
        let counts = try await harness.counts(
            "SELECT key, value::int FROM qai.etl_run, jsonb_each_text(type_drift) WHERE run_id = \(runId)")
        let total = try await harness.integer("SELECT type_drift_total FROM qai.etl_run WHERE run_id = \(runId)")
        return (counts, total)
    }

    @Test("drift is counted per field in etl_run and status; the records load with NULL there")
    func countedAndLoaded() async throws {
        try await SyncHarness.with(conversations: 10, days: 1) { harness in
            let summary = try await load(Self.records, strict: false, into: harness)
            #expect(summary.totals.typeDrift == Self.expectedDrift)
            #expect(summary.totals.streams["st-sync"]?.typeDrift == Self.expectedDrift)
            let (counts, total) = try await storedDrift(summary.runId, harness)
            #expect(counts == Self.expectedDrift)
            #expect(total == 6)
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded" && record.inserted == 7 && record.rejected == 0)
            let scores = try await harness.strings(
                """
                SELECT conversation_id || '=' || coalesce(kore_evaluation_score::text, 'NULL')
                    || ' raw ' || coalesce(raw ->> 'koreEvaluationScore', '-')
                FROM qai.fact_conversation WHERE conversation_id LIKE 'd-%'
                """)
            #expect(scores == ["d-1=NULL raw abc", "d-2=NULL raw [71]", "d-3=NULL raw NA", "d-4=NULL raw -"])
            let weights = try await harness.strings(
                "SELECT coalesce(metric_weight::text, 'NULL') FROM qai.fact_metric WHERE conversation_id = 'd-2'")
            #expect(weights == ["NULL", "NULL"])
            let status = try await StatusReader(schema: harness.schema).read(on: harness.observer)
            #expect(status.runs.first?.typeDrift == Self.expectedDrift)
            #expect(status.runs.first?.typeDriftTotal == 6)
        }
    }

    @Test("--strict-types quarantines exactly the drifted records, naming field and type, and loads the rest")
    func strictQuarantines() async throws {
        try await SyncHarness.with(conversations: 10, days: 1) { harness in
            let summary = try await load(Self.records, strict: true, into: harness)
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded" && record.inserted == 4 && record.rejected == 3)
            #expect(summary.totals.rejected == 3)
            let (counts, total) = try await storedDrift(summary.runId, harness)
            #expect(counts == Self.expectedDrift && total == 6)
            let loaded = try await harness.strings("SELECT conversation_id FROM qai.fact_conversation")
            #expect(loaded == Self.clean)
            let rejected = try await harness.strings(
                """
                SELECT conversation_id || ' ' || coalesce(page::text, 'no page') || ' ' || reason
                FROM qai.etl_rejected
                """)
            let tail =
                " that cannot be read as its type; quarantined by --strict-types (without it the record loads "
                + "with NULL there and the value stays in raw)"
            #expect(
                rejected == [
                    "d-1 no page type drift: koreEvaluationScore is a JSON string" + tail,
                    "d-2 no page type drift: koreEvaluationScore is a JSON array, metrics.weight is a JSON string, "
                        + "metrics.weight is a JSON object" + tail,
                    "d-4 no page type drift: isPassed is a JSON string, fatalErrorCount is a JSON string" + tail,
                ])
            #expect(!rejected.contains { $0.contains("abc") || $0.contains("heavy") || $0.contains("maybe") })
            let raw = try await harness.strings("SELECT raw FROM qai.etl_rejected WHERE conversation_id = 'd-1'")
            #expect(raw == [String(decoding: Self.records[0], as: UTF8.self)])
            let sliceRejected = try await harness.integer("SELECT sum(rejected) FROM qai.etl_slice")
            #expect(sliceRejected == 3)
        }
    }

    @Test("a clean load records an empty drift and a zero total")
    func cleanLoad() async throws {
        try await SyncHarness.with(conversations: 10, days: 1) { harness in
            let clean = (1...4).map { ReliabilityBadInputSyncTests.good($0, camelCase: $0 % 2 == 0) }
            let summary = try await load(clean, strict: true, into: harness)
            #expect(summary.totals.typeDrift.isEmpty)
            let (counts, total) = try await storedDrift(summary.runId, harness)
            #expect(counts.isEmpty && total == 0)
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_run WHERE type_drift = '{}'") == 1)
            #expect(try await harness.runRecord(summary.runId).rejected == 0)
        }
    }
}

import Postgres
import PostgresTestSupport
import QualityAI
import Testing
import Warehouse

/// Issue 8, bad input corpus, through the whole pipeline into PostgreSQL: NUL escapes, 10 MB
/// strings, emoji and right-to-left text, invalid UTF-8, values no column can hold, an id on two
/// pages of a window, and a record that changes spelling between runs. Every good record loads
/// value by value, the unusable ones are quarantined with a reason, and the run succeeds.
@Suite(.timeLimit(.minutes(2))) struct ReliabilityBadInputSyncTests {
    /// 2026-01-31 00:00:00 UTC: the day before `SyncHarness.end`.
    static let day = SyncHarness.end - 86_400
    static let huge = String(repeating: "x", count: 10 << 20)

    /// The records served in run 1, in time order (a minute apart), as the vendor sends them.
    static let firstRun: [[UInt8]] = [
        Array(#"{"conversationId":"c-dup","auditor":"first"}"#.utf8),
        good(1, camelCase: true), good(2, camelCase: true),
        Array(
            #"{"conversationId":"c-nul\u0000","Agents":[{"Agent ID":"a-nul","Agent Name":"N\u0000me"}],"custom_fields":{"k\u0000":"v\u0000"}}"#
                .utf8),
        Array(#"{"conversationId":"c-big","Agents":[{"Agent ID":"a-big","Agent Name":"\#(huge)"}]}"#.utf8),
        Array(#"{"conversationId":"\#(huge)","auditor":"lost cause"}"#.utf8),
        Array(
            #"{"conversationId":"c-emoji","Agents":[{"Agent ID":"a-ע","Agent Name":"مريم 👩🏽‍💻"}],"Queues":[{"Queue ID":"q-rtl","Queue Name":"\u202Eתור\u202C"}],"auditor":"🇫🇷 Zoë"}"#
                .utf8),
        Array(#"{"conversationId":"c-utf8","auditor":"Ren"#.utf8) + [0xFF] + Array(#"e"}"#.utf8),
        Array(
            #"{"conversationId":"c-absurd","conversationStartTime":"0000-01-01T00:00:00Z","Fatal Errors":99999999999,"koreEvaluationScore":1e200000,"sentimentScore":-2.5}"#
                .utf8),
        Array(
            #"{"conversationId":"c-longagent","Agents":[{"Agent ID":"\#(String(repeating: "a", count: 600))"}]}"#.utf8),
        good(3, camelCase: true), good(4, camelCase: true),
        Array(#"{"conversationId":"c-dup","auditor":"second"}"#.utf8),
    ]

    /// A record with an agent, a metric and a start time, in either spelling.
    static func good(_ n: Int, camelCase: Bool) -> [UInt8] {
        let text =
            camelCase
            ? #"{"conversationId":"good-\#(n)","AuditStatus":"Audited","koreEvaluationScore":7\#(n),"conversationStartTime":"2026-01-31T00:0\#(n):00Z","Agents":[{"Agent ID":"a-\#(n)","Agent Name":"Agent \#(n)"}],"Metrics":[{"Metric ID":"m-1","Metric Weight":1\#(n)}]}"#
            : #"{"Conversation ID":"good-\#(n)","Audit Status":"Audited","Kore Evaluation Score":"7\#(n)","Conversation Start Time":"2026-01-31 00:0\#(n):00","Agents":[{"agentId":"a-\#(n)","agentName":"Agent \#(n)"}],"metrics":[{"metricId":"m-1","metricWeight":"1\#(n)"}]}"#
        return Array(text.utf8)
    }

    static func serve(_ records: [[UInt8]]) -> HostileServer {
        HostileServer(records: records.enumerated().map { .init(time: day + 60 * Int64($0.offset), json: $0.element) })
    }

    func request() -> SyncRequest {
        SyncRequest(
            command: "backfill", options: [:],
            slices: [
                SliceSpec(
                    streamId: "st-sync", window: TimeWindow(start: Self.day, end: SyncHarness.end - 1), kind: .backfill)
            ],
            concurrency: 1)
    }

    func text(_ harness: SyncHarness, _ query: Query) async throws -> String? {
        try await harness.query(query).first?[0]
    }

    @Test("hostile records load value by value or are quarantined, and a respelled rerun changes no value")
    func hostileRecordsThroughThePipeline() async throws {
        try await SyncHarness.with(conversations: 10, days: 1) { harness in
            let summary = try await Self.serve(Self.firstRun).run { url in
                try await harness.run(
                    request(),
                    client: try harness.client {
                        $0.baseURL = url; $0.pageSize = 4
                    })
            }
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded")
            #expect(record.inserted == 10 && record.rejected == 2)
            let expectedIds = [
                "c-absurd", "c-big", "c-dup", "c-emoji", "c-nul\u{FFFD}", "c-utf8", "good-1", "good-2", "good-3",
                "good-4",
            ]
            let ids = try await harness.strings("SELECT conversation_id FROM qai.fact_conversation")
            #expect(ids == expectedIds)
            #expect(
                try await text(harness, "SELECT agent_name FROM qai.dim_agent WHERE agent_id = 'a-nul'")
                    == "N\u{FFFD}me")
            #expect(
                try await text(
                    harness,
                    "SELECT custom_fields ->> 'k\u{FFFD}' FROM qai.fact_conversation WHERE conversation_id = 'c-nul\u{FFFD}'"
                )
                    == "v\u{FFFD}")
            #expect(
                try await harness.integer("SELECT length(agent_name) FROM qai.dim_agent WHERE agent_id = 'a-big'") == 10
                    << 20)
            #expect(try await text(harness, "SELECT agent_name FROM qai.dim_agent WHERE agent_id = 'a-ע'") == "مريم 👩🏽‍💻")
            #expect(
                try await text(harness, "SELECT queue_name FROM qai.dim_queue WHERE queue_id = 'q-rtl'")
                    == "\u{202E}תור\u{202C}")
            #expect(
                try await text(harness, "SELECT auditor FROM qai.fact_conversation WHERE conversation_id = 'c-emoji'")
                    == "🇫🇷 Zoë")
            #expect(
                try await text(harness, "SELECT auditor FROM qai.fact_conversation WHERE conversation_id = 'c-utf8'")
                    == "Ren\u{FFFD}e")
            #expect(
                try await text(harness, "SELECT auditor FROM qai.fact_conversation WHERE conversation_id = 'c-dup'")
                    == "second")
            let absurd = try await harness.query(
                """
                SELECT conversation_start IS NULL, fatal_error_count IS NULL, kore_evaluation_score IS NULL,
                       sentiment_score::text, raw ->> 'Fatal Errors', raw ->> 'koreEvaluationScore'
                FROM qai.fact_conversation WHERE conversation_id = 'c-absurd'
                """)
            #expect(
                absurd.first.map { [$0[0], $0[1], $0[2], $0[3], $0[4], $0[5]] } == [
                    "t", "t", "t", "-2.5", "99999999999", "1e200000",
                ])
            let reasons = try await harness.strings(
                "SELECT page || ':' || record_index || ' ' || reason FROM qai.etl_rejected")
            #expect(reasons.count == 2)
            #expect(reasons.first?.hasPrefix("2:1 record 1 has a conversation id of 10485760 bytes") == true)
            #expect(reasons.last?.hasPrefix("3:1 record 1 has an agent id of 600 bytes") == true)

            let respelled = (1...4).map { Self.good($0, camelCase: false) }
            let before = try await harness.query(
                "SELECT conversation_id, audit_status, kore_evaluation_score::text, conversation_start::text FROM qai.fact_conversation WHERE conversation_id LIKE 'good-%' ORDER BY 1"
            )
            let second = try await Self.serve([[UInt8]](Self.firstRun.prefix(1)) + respelled).run { url in
                try await harness.run(
                    request(),
                    client: try harness.client {
                        $0.baseURL = url; $0.pageSize = 4
                    })
            }
            let after = try await harness.query(
                "SELECT conversation_id, audit_status, kore_evaluation_score::text, conversation_start::text FROM qai.fact_conversation WHERE conversation_id LIKE 'good-%' ORDER BY 1"
            )
            #expect(after.map { [$0[0], $0[1], $0[2], $0[3]] } == before.map { [$0[0], $0[1], $0[2], $0[3]] })
            #expect(try await harness.strings("SELECT conversation_id FROM qai.fact_conversation") == expectedIds)
            #expect(try await harness.integer("SELECT count(*) FROM qai.fact_metric") == 4)
            #expect(
                try await harness.integer(
                    "SELECT count(*) FROM qai.bridge_conversation_agent WHERE conversation_id LIKE 'good-%'") == 4)
            let rerun = try await harness.runRecord(second.runId)
            #expect(rerun.status == "succeeded" && rerun.inserted == 0 && rerun.rejected == 0)
            let loaded = Set(try await harness.strings("SELECT conversation_id FROM qai.fact_conversation"))
            ScenarioReport.record(
                "bad input: hostile records through sync", runs: 2, passed: record.status == "succeeded",
                lost: Set(expectedIds).subtracting(loaded).count, duplicated: loaded.subtracting(expectedIds).count)
        }
    }
}

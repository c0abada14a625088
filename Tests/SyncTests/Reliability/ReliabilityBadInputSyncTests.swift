import Postgres
import QualityAI
import TestSupport
import Testing
import Warehouse

/// Issue 8, bad input corpus, through the whole pipeline into PostgreSQL: NUL escapes, 10 MB
/// strings, emoji and right-to-left text, invalid UTF-8, values no column can hold, an id on two
/// pages of a window, and a record that changes spelling between runs. Every good record loads
/// value by value, the unusable ones are quarantined with a reason, and the run succeeds.
@Suite(.timeLimit(.minutes(5))) struct ReliabilityBadInputSyncTests {
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
            command: .backfill, options: [:],
            slices: [
                SliceSpec(
                    streamId: "st-sync", window: TimeWindow(start: Self.day, end: SyncHarness.end - 1), kind: .backfill)
            ],
            concurrency: 1)
    }

    /// Runs one backfill of the day against a hostile server serving `records`, four to a page.
    func load(_ records: [[UInt8]], into harness: SyncHarness) async throws -> RunRecord {
        let summary = try await Self.serve(records).run { url in
            try await harness.run(
                request(),
                client: try harness.client {
                    $0.baseURL = url; $0.pageSize = 4
                })
        }
        return try await harness.runRecord(summary.runId)
    }

    /// The first column of the first row, as text.
    func value(_ harness: SyncHarness, _ query: Query) async throws -> String? {
        try await harness.query(query).first?[0]
    }

    @Test("hostile records load value by value or are quarantined with a reason, and the run succeeds")
    func hostileRecordsThroughThePipeline() async throws {
        try await SyncHarness.with(conversations: 10, days: 1) { harness in
            let record = try await load(Self.firstRun, into: harness)
            #expect(record.status == "succeeded")
            #expect(record.inserted == 10 && record.rejected == 2)
            let expectedIds = [
                "c-absurd", "c-big", "c-dup", "c-emoji", "c-nul\u{FFFD}", "c-utf8", "good-1", "good-2", "good-3",
                "good-4",
            ]
            let loaded = try await harness.strings("SELECT conversation_id FROM qai.fact_conversation")
            #expect(loaded == expectedIds)
            let agents = try await harness.strings("SELECT agent_id || '=' || left(agent_name, 12) FROM qai.dim_agent")
            #expect(
                agents == [
                    "a-1=Agent 1", "a-2=Agent 2", "a-3=Agent 3", "a-4=Agent 4", "a-big=xxxxxxxxxxxx",
                    "a-nul=N\u{FFFD}me", "a-ע=مريم 👩🏽‍💻",
                ])
            let bigName = "SELECT length(agent_name) FROM qai.dim_agent WHERE agent_id = 'a-big'"
            #expect(try await harness.integer(Query(unsafeSQL: bigName)) == 10 << 20)
            let fields =
                "SELECT custom_fields ->> 'k\u{FFFD}' FROM qai.fact_conversation WHERE conversation_id LIKE 'c-nul%'"
            #expect(try await value(harness, Query(unsafeSQL: fields)) == "v\u{FFFD}")
            #expect(try await value(harness, "SELECT queue_name FROM qai.dim_queue") == "\u{202E}תור\u{202C}")
            let auditors = try await harness.strings(
                "SELECT conversation_id || '=' || auditor FROM qai.fact_conversation WHERE auditor IS NOT NULL")
            #expect(auditors == ["c-dup=second", "c-emoji=🇫🇷 Zoë", "c-utf8=Ren\u{FFFD}e"])
            let absurd = try await harness.query(
                """
                SELECT conversation_start IS NULL, fatal_error_count IS NULL, kore_evaluation_score IS NULL,
                       sentiment_score::text, raw ->> 'Fatal Errors', raw ->> 'koreEvaluationScore'
                FROM qai.fact_conversation WHERE conversation_id = 'c-absurd'
                """)
            let row = absurd.first.map { found in (0..<6).map { found[$0] } }
            #expect(row == ["t", "t", "t", "-2.5", "99999999999", "1e200000"])
            let reasons = try await harness.strings(
                "SELECT page || ':' || record_index || ' ' || reason FROM qai.etl_rejected")
            #expect(reasons.count == 2)
            #expect(reasons.first?.hasPrefix("2:1 record 1 has a conversation id of 10485760 bytes") == true)
            #expect(reasons.last?.hasPrefix("3:1 record 1 has an agent id of 600 bytes") == true)
            let extra = Set(loaded).subtracting(expectedIds).count
            ScenarioReport.record(
                "bad input: hostile records through sync", runs: 1, passed: record.status == "succeeded",
                lost: Set(expectedIds).subtracting(loaded).count, duplicated: extra)
        }
    }

    @Test("a record that changes spelling between runs keeps every value and adds no row")
    func spellingChangeBetweenRuns() async throws {
        try await SyncHarness.with(conversations: 10, days: 1) { harness in
            let first = try await load((1...4).map { Self.good($0, camelCase: true) }, into: harness)
            let second = try await load((1...4).map { Self.good($0, camelCase: false) }, into: harness)
            #expect(first.status == "succeeded" && first.inserted == 4)
            // The raw record changed, so each row is rewritten once; its values did not.
            #expect(second.status == "succeeded" && second.inserted == 0 && second.updated == 4)
            let rows = try await harness.strings(
                """
                SELECT conversation_id || ' ' || audit_status || ' ' || kore_evaluation_score || ' '
                       || to_char(conversation_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
                FROM qai.fact_conversation
                """)
            #expect(
                rows == [
                    "good-1 Audited 71 2026-01-31 00:01", "good-2 Audited 72 2026-01-31 00:02",
                    "good-3 Audited 73 2026-01-31 00:03", "good-4 Audited 74 2026-01-31 00:04",
                ])
            let metrics = try await harness.strings(
                "SELECT conversation_id || ' ' || metric_ordinal || ' ' || metric_weight FROM qai.fact_metric")
            #expect(metrics == ["good-1 1 11", "good-2 1 12", "good-3 1 13", "good-4 1 14"])
            let links = "SELECT count(*) FROM qai.bridge_conversation_agent"
            let agentLinks = try await harness.integer(Query(unsafeSQL: links))
            #expect(agentLinks == 4)
            ScenarioReport.record(
                "bad input: spelling change between runs", runs: 2, passed: rows.count == 4, lost: 4 - rows.count,
                duplicated: max(0, metrics.count - 4) + max(0, agentLinks - 4))
        }
    }
}

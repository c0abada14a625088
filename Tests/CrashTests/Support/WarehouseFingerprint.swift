import Postgres

/// Row count and digest of every warehouse table's content, comparable across databases:
/// surrogate keys are replaced by the dimensions' natural keys, load timestamps and run ids are
/// left out, and rows are digested in a fixed order, so two warehouses with the same data have
/// the same fingerprint however (and in how many runs) they were loaded.
struct WarehouseFingerprint: Sendable, Equatable {
    /// One table's fingerprint.
    struct Table: Sendable, Equatable, CustomStringConvertible {
        var name: String
        var rows: Int
        var digest: String

        var description: String { "\(name): \(rows) rows, md5 \(digest)" }
    }

    var tables: [Table]

    /// Each table as one JSON value per row.
    static let tableRows: [(name: String, select: String)] = [
        (
            "fact_conversation",
            "SELECT to_jsonb(f) - 'first_loaded_at' - 'updated_at' - 'last_run_id' FROM qai.fact_conversation f"
        ),
        (
            "fact_metric",
            """
            SELECT (to_jsonb(m) - 'metric_key') || jsonb_build_object('metric_id', d.metric_id)
            FROM qai.fact_metric m JOIN qai.dim_metric d USING (metric_key)
            """
        ),
        (
            "bridge_conversation_agent",
            """
            SELECT (to_jsonb(b) - 'agent_key') || jsonb_build_object('agent_id', d.agent_id)
            FROM qai.bridge_conversation_agent b JOIN qai.dim_agent d USING (agent_key)
            """
        ),
        (
            "bridge_conversation_queue",
            """
            SELECT (to_jsonb(b) - 'queue_key') || jsonb_build_object('queue_id', d.queue_id)
            FROM qai.bridge_conversation_queue b JOIN qai.dim_queue d USING (queue_key)
            """
        ),
        (
            "fact_conversation_intent",
            """
            SELECT (to_jsonb(i) - 'intent_key') || jsonb_build_object('source', d.source, 'intent_l1', d.intent_l1,
                'intent_l2', d.intent_l2, 'intent_l3', d.intent_l3)
            FROM qai.fact_conversation_intent i JOIN qai.dim_intent d USING (intent_key)
            """
        ),
        ("fact_voice_analytics", "SELECT to_jsonb(v) FROM qai.fact_voice_analytics v"),
        ("fact_audit_history", "SELECT to_jsonb(h) - 'observed_at' - 'run_id' FROM qai.fact_audit_history h"),
        ("dim_agent", "SELECT to_jsonb(d) - 'agent_key' FROM qai.dim_agent d"),
        ("dim_queue", "SELECT to_jsonb(d) - 'queue_key' FROM qai.dim_queue d"),
        ("dim_metric", "SELECT to_jsonb(d) - 'metric_key' FROM qai.dim_metric d"),
        ("dim_intent", "SELECT to_jsonb(d) - 'intent_key' FROM qai.dim_intent d"),
        (
            "etl_slice",
            """
            SELECT jsonb_build_object('stream_id', stream_id, 'window_start', window_start, 'window_end', window_end,
                'status', status, 'fetched', fetched, 'rejected', rejected)
            FROM qai.etl_slice
            """
        ),
    ]

    /// Reads the fingerprint of the warehouse in `database` (schema `qai`), times in UTC.
    static func read(_ database: DatabaseConfiguration) async throws -> WarehouseFingerprint {
        try await Connection.withConnection(database, logger: RunLedger.logger) { connection in
            try await connection.execute("SET TimeZone = 'UTC'")
            var tables: [Table] = []
            for (name, select) in tableRows {
                let rows = try await connection.execute(
                    Query(
                        unsafeSQL: """
                            SELECT count(*) AS n,
                                md5(coalesce(string_agg(t.j::text, E'\\n' ORDER BY t.j::text COLLATE "C"), '')) AS digest
                            FROM (\(select)) AS t(j)
                            """, name: "fingerprint \(name)"))
                tables.append(
                    Table(
                        name: name, rows: try rows.first?.decode("n", as: Int.self) ?? -1,
                        digest: rows.first?[1] ?? ""))
            }
            return WarehouseFingerprint(tables: tables)
        }
    }

    /// One line per table whose content differs from `reference`'s, leaving out `excluded` tables.
    func differences(from reference: WarehouseFingerprint, excluding excluded: Set<String> = []) -> [String] {
        zip(tables, reference.tables).compactMap { mine, theirs in
            mine == theirs || excluded.contains(mine.name)
                ? nil : "\(mine) but the uninterrupted load has \(theirs.rows) rows, md5 \(theirs.digest)"
        }
    }

    /// Rows this warehouse lacks and rows it holds beyond `reference`, table by table (checkpoints
    /// left out: a resumed load records its windows differently).
    func rowTally(against reference: WarehouseFingerprint) -> (lost: Int, duplicated: Int) {
        zip(tables, reference.tables).filter { $0.0.name != "etl_slice" }.reduce(into: (0, 0)) { tally, pair in
            tally.0 += max(0, pair.1.rows - pair.0.rows)
            tally.1 += max(0, pair.0.rows - pair.1.rows)
        }
    }
}

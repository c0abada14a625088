import Logging
import Postgres

/// The example queries `demo` runs and prints with their results.
enum DemoQueries {
    static func queries(_ schema: String) -> [(title: String, sql: String)] {
        [
            (
                "Audit workflow: conversations by audit status",
                """
                SELECT audit_status, count(*) AS conversations, round(avg(audit_score), 1) AS avg_audit_score
                FROM \(schema).fact_conversation GROUP BY audit_status ORDER BY conversations DESC
                """
            ),
            (
                "Agents with the lowest average evaluation score (at least 20 evaluated conversations)",
                """
                SELECT a.agent_name, count(*) AS conversations, round(avg(f.kore_evaluation_score), 1) AS avg_score
                FROM \(schema).fact_conversation f
                JOIN \(schema).bridge_conversation_agent b USING (conversation_id)
                JOIN \(schema).dim_agent a USING (agent_key)
                WHERE f.kore_evaluation_score IS NOT NULL
                GROUP BY a.agent_name HAVING count(*) >= 20 ORDER BY avg_score LIMIT 5
                """
            ),
            (
                "Metrics most often failed",
                """
                SELECT m.metric_name, count(*) FILTER (WHERE fm.qualification = 'NO') AS failed,
                    round(100.0 * count(*) FILTER (WHERE fm.qualification = 'YES')
                        / nullif(count(*) FILTER (WHERE fm.qualification IN ('YES', 'NO')), 0), 1) AS pass_rate_pct
                FROM \(schema).fact_metric fm JOIN \(schema).dim_metric m USING (metric_key)
                GROUP BY m.metric_name ORDER BY failed DESC LIMIT 5
                """
            ),
        ]
    }

    /// Runs the queries and renders each as a titled text table.
    static func render(database: DatabaseConfiguration, schema: Identifier, logger: Logger) async throws -> String {
        try await Connection.withConnection(database, logger: logger) { connection in
            var output: [String] = []
            for (title, sql) in queries(schema.quoted) {
                let rows = try await connection.execute(Query(unsafeSQL: sql))
                output.append("-- \(title)\n" + sql.split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
                output.append(TextTable.render(rows))
            }
            return output.joined(separator: "\n")
        }
    }
}

/// Renders rows as an aligned text table, as psql would.
enum TextTable {
    static func render(_ rows: Rows) -> String {
        let header = rows.columns
        let body = rows.map { row in header.indices.map { row[$0] ?? "" } }
        let widths = header.indices.map { column in
            ([header[column]] + body.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                " " + cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: " |")
        }
        let rule = widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+")
        return ([line(header), rule] + body.map(line)).joined(separator: "\n") + "\n(\(body.count) rows)\n"
    }
}

import Logging
import Postgres
import Warehouse

/// The example queries of `sql/queries/` that `demo` runs and prints with their results.
enum DemoQueries {
    /// The files shown, in order: the trend, the metrics to coach on, the agents.
    static let files = ["10_daily_quality_trend.sql", "01_worst_metrics_last_7_days.sql", "11_agent_scorecard.sql"]

    /// Runs the queries and renders each as a titled text table.
    static func render(database: DatabaseConfiguration, schema: Identifier, logger: Logger) async throws -> String {
        try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.execute("SET search_path TO \(identifier: schema), pg_catalog")
            var output: [String] = []
            for query in files.compactMap(ExampleQuery.named) {
                // The text of an embedded sql/queries file: a fixed query without parameters.
                let rows = try await connection.execute(Query(unsafeSQL: query.sql, name: query.name))
                output.append("-- sql/queries/\(query.name): \(query.title)")
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

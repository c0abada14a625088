import Postgres

/// What a query result looks like to a Grafana panel: which columns are numeric, which hold
/// times, and whether the shape fits the panel type.
struct ResultShape: Sendable {
    let rows: Rows

    /// Columns whose non-NULL values all read as numbers (and that have at least one).
    var numericColumns: [String] {
        rows.columns.indices.filter { column in
            var seen = false
            for row in rows {
                guard let text = row[column] else { continue }
                guard Double(text) != nil else { return false }
                seen = true
            }
            return seen
        }.map { rows.columns[$0] }
    }

    /// Whether every value of `column` is a number (epoch seconds) or a date/timestamp.
    func holdsTimes(_ column: String) -> Bool {
        guard let index = rows.columns.firstIndex(of: column) else { return false }
        return !rows.isEmpty
            && rows.allSatisfy { row in
                guard let text = row[index] else { return false }
                return Double(text) != nil || Self.looksLikeTime(text)
            }
    }

    /// Whether `column` holds only NULLs (its type cannot be told from the values).
    func isAllNull(_ column: String) -> Bool {
        guard let index = rows.columns.firstIndex(of: column) else { return false }
        return rows.allSatisfy { $0[index] == nil }
    }

    static func looksLikeTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return false }
        return bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes[0..<4].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Problems with this result for a panel of `type` whose target has `format`; empty when it fits.
    func problems(panelType: String, format: String) -> [String] {
        var problems: [String] = []
        let numeric = numericColumns
        switch panelType {
        case "timeseries":
            if format != "time_series" { problems.append("time series target format is \(format), not time_series") }
            if !holdsTimes("time") { problems.append("no column \"time\" holding times") }
            let values = numeric.filter { $0 != "time" }
            if values.isEmpty { problems.append("no numeric value column besides time") }
            let others = rows.columns.filter { $0 != "time" && !values.contains($0) && !isAllNull($0) }
            if others.contains(where: { $0 != "metric" }) {
                problems.append("columns that are neither time, numeric nor metric: \(others)")
            }
        case "stat", "bargauge", "gauge":
            if numeric.isEmpty { problems.append("no numeric column") }
        case "barchart", "piechart":
            if numeric.isEmpty { problems.append("no numeric column") }
            if rows.columns.count < 2 { problems.append("no label column besides the values") }
        case "table":
            if rows.columns.isEmpty { problems.append("no columns") }
        default:
            problems.append("panel type \(panelType) is not one the tests know")
        }
        return problems
    }
}

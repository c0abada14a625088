/// A dashboard template variable as set when a panel runs: its name, how it is declared (multi,
/// include All) and the values selected ("All" selects every option).
package struct GrafanaVariable: Sendable {
    package var name: String
    package var values: [String]
    package var multi: Bool
    package var includeAll: Bool

    package init(name: String, values: [String], multi: Bool, includeAll: Bool) {
        self.name = name
        self.values = values
        self.multi = multi
        self.includeAll = includeAll
    }

    /// Grafana's SQL data sources' formatting (`interpolateVariable`): a multi-value or All-capable
    /// variable becomes quoted literals joined by commas; a plain one its value with `'` doubled.
    package var sqlText: String {
        if multi || includeAll || values.count > 1 {
            return values.map(Self.quoteLiteral).joined(separator: ",")
        }
        return (values.first ?? "").replacingOccurrences(of: "'", with: "''")
    }

    /// The value in an explicit `${name:format}`; nil for a format the expander does not know.
    package func text(format: String) -> String? {
        switch format {
        case "raw": values.joined(separator: ",")
        case "csv": values.joined(separator: ",")
        case "sqlstring", "singlequote": values.map(Self.quoteLiteral).joined(separator: ",")
        case "doublequote":
            values.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(
                separator: ",")
        default: nil
        }
    }

    package static func quoteLiteral(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

import Foundation
import Postgres

/// Resolves a dashboard's variables and expands and runs its panels' queries, the way Grafana
/// does for a time range, on a connection (the tests use the read-only role's).
package struct DashboardRunner {
    package let dashboard: GrafanaDashboard
    package let fromMilliseconds: Int64
    package let toMilliseconds: Int64

    package init(dashboard: GrafanaDashboard, fromMilliseconds: Int64, toMilliseconds: Int64) {
        self.dashboard = dashboard
        self.fromMilliseconds = fromMilliseconds
        self.toMilliseconds = toMilliseconds
    }

    /// Every variable set to All (or, without an All option, its first value); with `narrow`,
    /// each multi-value variable is set to its first option only instead.
    package func variables(narrow: Bool, on connection: Connection) async throws -> [String: GrafanaVariable] {
        var resolved: [String: GrafanaVariable] = [:]
        for variable in dashboard.variables {
            let options = try await options(of: variable, resolved: resolved, on: connection)
            let selected = narrow || !variable.includeAll ? Array(options.prefix(1)) : options
            resolved[variable.name] = GrafanaVariable(
                name: variable.name, values: selected, multi: variable.multi, includeAll: variable.includeAll)
        }
        return resolved
    }

    /// A variable's options: a query variable's `__value` column (else its first column), a
    /// custom variable's comma-separated list.
    package func options(
        of variable: GrafanaDashboard.Variable, resolved: [String: GrafanaVariable], on connection: Connection
    )
        async throws -> [String]
    {
        switch variable.type {
        case "custom":
            return variable.query.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        case "query":
            let sql = try expander(resolved).expand(variable.query)
            // A dashboard variable's own SQL, its Grafana macros expanded: the text is the dashboard file's.
            let rows = try await connection.execute(Query(unsafeSQL: sql, name: "variable \(variable.name)"))
            let column = rows.columns.firstIndex(of: "__value") ?? 0
            return rows.compactMap { $0[column] }
        default:
            throw GrafanaExpansionError(
                message: "variable \(variable.name) has type \(variable.type), not query or custom")
        }
    }

    package func expander(_ variables: [String: GrafanaVariable]) -> GrafanaMacroExpander {
        GrafanaMacroExpander(fromMilliseconds: fromMilliseconds, toMilliseconds: toMilliseconds, variables: variables)
    }
}

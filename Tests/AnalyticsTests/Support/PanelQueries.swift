import GrafanaSupport
import Postgres
import Testing

/// Every panel query of one Grafana dashboard file, run as a warehouse's read-only role: the
/// variables resolved (all options, or each multi-value variable narrowed to one), each target
/// expanded, run, and checked against its panel type. Shared by the plain and the Citus suites.
struct PanelQueries {
    /// Panels allowed to come back empty on the test data, by dashboard file and panel title.
    static let mayBeEmpty: Set<String> = ["qai-loader-health.json/Quarantined records"]

    /// The dashboard files under deploy/grafana/dashboards, by file name.
    static func files() throws -> [String] {
        try RepositoryFiles.files(in: RepositoryFiles.dashboards, fileExtension: "json").map(\.lastPathComponent)
    }

    let file: String
    /// Each multi-value variable narrowed to one option (else every option).
    let narrow: Bool

    /// Runs the file's panel queries on `warehouse`, recording an issue for each that fails or
    /// does not fit; returns how many targets ran.
    @discardableResult
    func expect(on warehouse: AnalyticsWarehouse) async throws -> Int {
        let dashboard = try GrafanaDashboard.load(RepositoryFiles.dashboards.appending(path: file))
        let range = warehouse.grafanaRange
        let runner = DashboardRunner(
            dashboard: dashboard, fromMilliseconds: range.fromMilliseconds, toMilliseconds: range.toMilliseconds)
        return try await warehouse.withReader { connection in
            let variables = try await runner.variables(narrow: narrow, on: connection)
            for variable in dashboard.variables {
                #expect(
                    variables[variable.name]?.values.isEmpty == false,
                    "\(file): variable \(variable.name) has no options")
            }
            let expander = runner.expander(variables)
            var ran = 0
            for panel in dashboard.panels {
                for target in panel.targets {
                    let label = "\(file)/\(panel.title)/\(target.refId)"
                    let sql = try expander.expand(target.rawSql)
                    let rows: Rows
                    do {
                        rows = try await connection.execute(Query(unsafeSQL: sql, name: label))
                    } catch {
                        Issue.record("\(label) failed: \(error)\n\(sql)")
                        continue
                    }
                    ran += 1
                    let problems = ResultShape(rows: rows).problems(panelType: panel.type, format: target.format)
                    #expect(problems.isEmpty || rows.isEmpty, "\(label): \(problems)")
                    if !narrow, !Self.mayBeEmpty.contains("\(file)/\(panel.title)") {
                        #expect(!rows.isEmpty, "\(label) returned no rows")
                    }
                }
            }
            #expect(ran > 0, "\(file): no panel query ran")
            return ran
        }
    }
}

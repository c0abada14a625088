import GrafanaSupport
import Postgres
import Testing

@Suite("Every Grafana panel's query on a warehouse loaded from the mock")
struct DashboardQueryTests {
    /// Panels allowed to come back empty on the test data, by dashboard file and panel title.
    static let mayBeEmpty: Set<String> = ["qai-loader-health.json/Quarantined records"]

    @Test(
        "with every variable set to All, each panel query expands, runs for the read-only role, fits its panel type and returns rows",
        arguments: try RepositoryFiles.files(in: RepositoryFiles.dashboards, fileExtension: "json").map(
            \.lastPathComponent))
    func allVariables(file: String) async throws {
        try await run(file: file, narrow: false)
    }

    @Test(
        "with each multi-value variable narrowed to one option, each panel query still runs and fits its panel type",
        arguments: try RepositoryFiles.files(in: RepositoryFiles.dashboards, fileExtension: "json").map(
            \.lastPathComponent))
    func oneOption(file: String) async throws {
        try await run(file: file, narrow: true)
    }

    private func run(file: String, narrow: Bool) async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let dashboard = try GrafanaDashboard.load(RepositoryFiles.dashboards.appending(path: file))
        let range = warehouse.grafanaRange
        let runner = DashboardRunner(
            dashboard: dashboard, fromMilliseconds: range.fromMilliseconds, toMilliseconds: range.toMilliseconds)
        try await warehouse.withReader { connection in
            let variables = try await runner.variables(narrow: narrow, on: connection)
            for variable in dashboard.variables {
                #expect(
                    variables[variable.name]?.values.isEmpty == false,
                    "\(file): variable \(variable.name) has no options")
            }
            let expander = runner.expander(variables)
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
                    let problems = ResultShape(rows: rows).problems(panelType: panel.type, format: target.format)
                    #expect(problems.isEmpty || rows.isEmpty, "\(label): \(problems)")
                    if !narrow, !Self.mayBeEmpty.contains("\(file)/\(panel.title)") {
                        #expect(!rows.isEmpty, "\(label) returned no rows")
                    }
                }
            }
        }
    }
}

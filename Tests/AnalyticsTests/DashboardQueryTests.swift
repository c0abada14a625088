import Testing

@Suite("Every Grafana panel's query on a warehouse loaded from the mock")
struct DashboardQueryTests {
    @Test(
        "with every variable set to All, each panel query expands, runs for the read-only role, fits its panel type and returns rows",
        arguments: try PanelQueries.files())
    func allVariables(file: String) async throws {
        try await PanelQueries(file: file, narrow: false).expect(on: AnalyticsWarehouse.shared())
    }

    @Test(
        "with each multi-value variable narrowed to one option, each panel query still runs and fits its panel type",
        arguments: try PanelQueries.files())
    func oneOption(file: String) async throws {
        try await PanelQueries(file: file, narrow: true).expect(on: AnalyticsWarehouse.shared())
    }
}

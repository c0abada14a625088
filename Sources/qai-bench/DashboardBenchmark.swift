import ArgumentParser
import Foundation
import GrafanaSupport
import Postgres

/// `qai-bench dashboards`: every Grafana panel query over a year of data (issue 7's target: a
/// dashboard query over 365 days of 100,000 conversations in under 200 ms).
struct DashboardBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboards",
        abstract: "Loads a year of mock data, then times every panel query of every dashboard over 365 days.",
        discussion: """
            The warehouse is loaded through SyncPipeline (as qai-loader backfill does, rollups included). \
            Each panel query is expanded the way Grafana does (every variable set to All, a 365-day range) \
            and run --repeats times on a warm cache; the median is printed per dashboard's slowest panel.
            """)

    @Option(help: "Conversations in the range.")
    var conversations = 100_000

    @Option(help: "Days of data, and the dashboards' time range.")
    var days = 365

    @Option(help: "Runs of each panel query; the median counts.")
    var repeats = 5

    @Option(help: "Folder of the dashboard JSON files.")
    var dashboards = "deploy/grafana/dashboards"

    func validate() throws {
        guard conversations > 0, days > 0, repeats > 0 else {
            throw ValidationError("--conversations, --days and --repeats must be positive")
        }
        guard FileManager.default.fileExists(atPath: dashboards) else {
            throw ValidationError("--dashboards \(dashboards) does not exist: run from the repository root")
        }
    }

    func run() async throws {
        let fixture = try await SyncFixture.start(
            conversations: conversations, days: days, concurrency: 4, inProcessMock: false)
        do {
            let load = try await fixture.load()
            print(
                "loaded \(load.summary.totals.fetched) conversations over \(days) days in "
                    + "\(Figures.format(load.seconds)) s (rollups refreshed)")
            try await Connection.withConnection(fixture.database, logger: fixture.logger) { connection in
                try await connection.execute("VACUUM ANALYZE")
                try await connection.execute(
                    Query(
                        "SET search_path TO \(identifier: fixture.schema), pg_catalog", name: "as the reader role"
                    ))
                try await measure(on: connection, end: SyncFixture.todayMidnight())
            }
            await fixture.shutdown()
        } catch {
            await fixture.shutdown()
            throw error
        }
    }

    private func measure(on connection: Connection, end: Int64) async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: dashboards).filter { $0.hasSuffix(".json") }
            .sorted()
        let range = (from: (end - Int64(days) * 86_400) * 1_000, to: end * 1_000)
        var slowest: (label: String, milliseconds: Double) = ("", 0)
        print("median of \(repeats) runs per panel query, every variable All, \(days)-day range:")
        for file in files {
            let dashboard = try GrafanaDashboard.load(URL(filePath: dashboards).appending(path: file))
            let runner = DashboardRunner(dashboard: dashboard, fromMilliseconds: range.from, toMilliseconds: range.to)
            let expander = runner.expander(try await runner.variables(narrow: false, on: connection))
            var worst: (String, Double) = ("", 0)
            var total = 0.0
            var queries = 0
            for panel in dashboard.panels {
                for target in panel.targets {
                    // A panel's own SQL, its Grafana macros expanded: the text is the dashboard file's.
                    let query = Query(unsafeSQL: try expander.expand(target.rawSql), name: panel.title)
                    var times: [Double] = []
                    for _ in 0..<repeats {
                        times.append(try await Figures.time { _ = try await connection.execute(query) } * 1_000)
                    }
                    let median = times.sorted()[times.count / 2]
                    total += median
                    queries += 1
                    if median > worst.1 { worst = (panel.title, median) }
                }
            }
            print(
                "  \(file): \(queries) queries, all panels \(Figures.format(total)) ms; slowest "
                    + "\"\(worst.0)\" \(Figures.format(worst.1)) ms")
            if worst.1 > slowest.milliseconds { slowest = ("\(file) / \(worst.0)", worst.1) }
        }
        print("slowest panel query: \(slowest.label) \(Figures.format(slowest.milliseconds)) ms (target: under 200 ms)")
    }
}

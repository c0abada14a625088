import Foundation
import GrafanaSupport
import TestSupport
import Testing

@Suite("Grafana dashboard and provisioning files")
struct DashboardFileTests {
    static let datasourceUID = "qai-warehouse"
    static let datasourceType = "grafana-postgresql-datasource"

    /// The dashboards the issue asks for, by uid.
    static let expectedDashboards: Set<String> = [
        "qai-overview", "qai-agent-scorecard", "qai-queues", "qai-audit-workflow", "qai-metric-compliance",
        "qai-intents-sentiment", "qai-loader-health",
    ]

    @Test("every dashboard parses and carries uid, title, panels with datasource, targets and SQL")
    func dashboardsAreComplete() throws {
        let files = try RepositoryFiles.files(in: RepositoryFiles.dashboards, fileExtension: "json")
        let dashboards = try files.map(GrafanaDashboard.load)
        #expect(Set(dashboards.compactMap(\.uid)) == Self.expectedDashboards)
        #expect(Set(dashboards.compactMap(\.uid)).count == dashboards.count, "dashboard uids must be unique")
        for dashboard in dashboards {
            let file = dashboard.file
            #expect(dashboard.title?.isEmpty == false, "\(file) has no title")
            #expect((dashboard.schemaVersion ?? 0) >= 36, "\(file) has no recent schemaVersion")
            #expect(dashboard.panels.count >= 4, "\(file) has fewer than 4 panels")
            var panelIds = Set<Int>()
            for panel in dashboard.panels {
                let label = "\(file)/\(panel.title)"
                #expect(!panel.title.isEmpty, "\(file): a panel has no title")
                #expect(panel.id.map { panelIds.insert($0).inserted } == true, "\(label): missing or repeated id")
                #expect(panel.gridPos, "\(label) has no gridPos")
                #expect(panel.datasourceUID == Self.datasourceUID, "\(label) does not use \(Self.datasourceUID)")
                #expect(!panel.targets.isEmpty, "\(label) has no targets")
                for target in panel.targets {
                    #expect(!target.refId.isEmpty && !target.rawSql.isEmpty, "\(label): a target lacks refId or rawSql")
                    #expect(target.datasourceUID == Self.datasourceUID, "\(label)/\(target.refId) datasource")
                    #expect(["table", "time_series"].contains(target.format), "\(label)/\(target.refId) format")
                }
            }
            for variable in dashboard.variables where variable.type == "query" {
                #expect(variable.datasourceUID == Self.datasourceUID, "\(file): variable \(variable.name) datasource")
                #expect(!variable.query.isEmpty, "\(file): variable \(variable.name) has no query")
            }
        }
    }

    @Test("time series panels group by time with Grafana's macros and filter on the dashboard range")
    func panelsUseMacros() throws {
        for file in try RepositoryFiles.files(in: RepositoryFiles.dashboards, fileExtension: "json") {
            let dashboard = try GrafanaDashboard.load(file)
            for panel in dashboard.panels where panel.type == "timeseries" {
                for target in panel.targets {
                    #expect(
                        target.rawSql.contains("$__timeGroupAlias(") || target.rawSql.contains("$__time("),
                        "\(dashboard.file)/\(panel.title) does not build its time column with a macro")
                    #expect(
                        target.rawSql.contains("$__timeFilter("), "\(dashboard.file)/\(panel.title) ignores the range")
                }
            }
        }
    }

    @Test("the data source provisioning names the warehouse by uid and takes its connection from the environment")
    func datasourceProvisioning() throws {
        let yaml = try YAMLSubset.parse(try RepositoryFiles.text(RepositoryFiles.datasourceProvisioning))
        #expect(yaml["apiVersion"]?.string == "1")
        let sources = try #require(yaml["datasources"]?.items)
        #expect(sources.count == 1)
        let source = try #require(sources.first)
        #expect(source["uid"]?.string == Self.datasourceUID)
        #expect(source["type"]?.string == Self.datasourceType)
        #expect(source["name"]?.string?.isEmpty == false)
        #expect(source["url"]?.string == "${QAI_GRAFANA_DB_HOST}:${QAI_GRAFANA_DB_PORT}")
        #expect(source["user"]?.string == "${QAI_GRAFANA_DB_USER}")
        #expect(source["jsonData"]?["database"]?.string == "${QAI_GRAFANA_DB_NAME}")
        #expect(source["jsonData"]?["sslmode"]?.string == "${QAI_GRAFANA_DB_SSLMODE}")
        #expect(source["secureJsonData"]?["password"]?.string == "${QAI_GRAFANA_DB_PASSWORD}")
        #expect(source["editable"]?.string == "false")
    }

    @Test("the dashboard provider loads the JSON files from a folder")
    func dashboardProvisioning() throws {
        let yaml = try YAMLSubset.parse(try RepositoryFiles.text(RepositoryFiles.dashboardProvisioning))
        #expect(yaml["apiVersion"]?.string == "1")
        let provider = try #require(yaml["providers"]?.items.first)
        #expect(provider["name"]?.string?.isEmpty == false)
        #expect(provider["type"]?.string == "file")
        #expect(provider["folder"]?.string?.isEmpty == false)
        #expect(provider["options"]?["path"]?.string?.isEmpty == false)
    }

    @Test("the YAML reader reads nested mappings and lists and refuses what it does not know")
    func miniYAML() throws {
        let yaml = try YAMLSubset.parse(
            """
            # comment
            apiVersion: 1
            items:
              - name: "first # not a comment"
                nested:
                  key: 'value'
              - name: second
            flat:
            - a
            - b
            """)
        #expect(yaml["apiVersion"]?.string == "1")
        #expect(yaml["items"]?.items.count == 2)
        #expect(yaml["items"]?.items.first?["name"]?.string == "first # not a comment")
        #expect(yaml["items"]?.items.first?["nested"]?["key"]?.string == "value")
        #expect(yaml["items"]?.items.last?["name"]?.string == "second")
        #expect(yaml["flat"]?.items.map(\.string) == ["a", "b"])
        #expect(throws: YAMLSubsetError.self) { try YAMLSubset.parse("key: {a: 1}") }
        #expect(throws: YAMLSubsetError.self) { try YAMLSubset.parse("key: 1\nkey: 2") }
    }
}

import Foundation

/// Files of this repository the tests read: example queries and Grafana provisioning.
enum RepositoryFiles {
    /// The repository root, found from this source file's path.
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let queries = root.appending(path: "sql/queries")
    static let grafana = root.appending(path: "deploy/grafana")
    static let dashboards = grafana.appending(path: "dashboards")
    static let datasourceProvisioning = grafana.appending(path: "provisioning/datasources/qai-warehouse.yaml")
    static let dashboardProvisioning = grafana.appending(path: "provisioning/dashboards/qai-dashboards.yaml")

    /// Files in `directory` with `fileExtension`, sorted by name.
    static func files(in directory: URL, fileExtension: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == fileExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}

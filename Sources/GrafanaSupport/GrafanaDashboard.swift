import Foundation

/// The parts of a Grafana dashboard JSON file the tests check and run, read with Foundation's
/// JSON parser. Panels inside collapsed rows are included.
package struct GrafanaDashboard: Sendable {
    package struct Target: Sendable {
        package var refId: String
        package var rawSql: String
        package var format: String
        package var datasourceUID: String?
    }

    package struct Panel: Sendable {
        package var id: Int?
        package var title: String
        package var type: String
        package var datasourceUID: String?
        package var gridPos: Bool
        package var targets: [Target]
    }

    package struct Variable: Sendable {
        package var name: String
        package var type: String
        package var query: String
        package var multi: Bool
        package var includeAll: Bool
        package var datasourceUID: String?
    }

    package var file: String
    package var uid: String?
    package var title: String?
    package var schemaVersion: Int?
    package var panels: [Panel]
    package var variables: [Variable]

    package static func load(_ url: URL) throws -> GrafanaDashboard {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw GrafanaExpansionError(message: "\(url.lastPathComponent) is not a JSON object")
        }
        let templating = (object["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        return GrafanaDashboard(
            file: url.lastPathComponent, uid: object["uid"] as? String, title: object["title"] as? String,
            schemaVersion: object["schemaVersion"] as? Int,
            panels: panels(object["panels"] as? [[String: Any]] ?? []),
            variables: templating.map { variable in
                Variable(
                    name: variable["name"] as? String ?? "", type: variable["type"] as? String ?? "",
                    query: queryText(variable["query"]), multi: variable["multi"] as? Bool ?? false,
                    includeAll: variable["includeAll"] as? Bool ?? false,
                    datasourceUID: datasourceUID(variable["datasource"]))
            })
    }

    private static func panels(_ list: [[String: Any]]) -> [Panel] {
        list.flatMap { panel -> [Panel] in
            let nested = panels(panel["panels"] as? [[String: Any]] ?? [])
            guard panel["type"] as? String != "row" else { return nested }
            let targets = (panel["targets"] as? [[String: Any]] ?? []).map { target in
                Target(
                    refId: target["refId"] as? String ?? "", rawSql: target["rawSql"] as? String ?? "",
                    format: target["format"] as? String ?? "", datasourceUID: datasourceUID(target["datasource"]))
            }
            let item = Panel(
                id: panel["id"] as? Int, title: panel["title"] as? String ?? "", type: panel["type"] as? String ?? "",
                datasourceUID: datasourceUID(panel["datasource"]), gridPos: panel["gridPos"] is [String: Any],
                targets: targets)
            return [item] + nested
        }
    }

    private static func datasourceUID(_ value: Any?) -> String? {
        (value as? [String: Any])?["uid"] as? String
    }

    private static func queryText(_ value: Any?) -> String {
        if let text = value as? String { return text }
        return (value as? [String: Any])?["query"] as? String ?? ""
    }
}

import Foundation

/// The parts of a Grafana dashboard JSON file the tests check and run, read with Foundation's
/// JSON parser. Panels inside collapsed rows are included.
struct GrafanaDashboard: Sendable {
    struct Target: Sendable {
        var refId: String
        var rawSql: String
        var format: String
        var datasourceUID: String?
    }

    struct Panel: Sendable {
        var id: Int?
        var title: String
        var type: String
        var datasourceUID: String?
        var gridPos: Bool
        var targets: [Target]
    }

    struct Variable: Sendable {
        var name: String
        var type: String
        var query: String
        var multi: Bool
        var includeAll: Bool
        var datasourceUID: String?
    }

    var file: String
    var uid: String?
    var title: String?
    var schemaVersion: Int?
    var panels: [Panel]
    var variables: [Variable]

    static func load(_ url: URL) throws -> GrafanaDashboard {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw MockSourceError(message: "\(url.lastPathComponent) is not a JSON object")
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

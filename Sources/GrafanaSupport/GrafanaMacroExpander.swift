import QualityAIDecoding

/// Turns a panel's SQL into what Grafana sends to PostgreSQL: first the front end's template
/// variables (`$name`, `${name}`, `${name:format}`, `[[name]]`, `$__interval`, `$__interval_ms`,
/// `$__range_s`, `$__from`, `$__to`), then the PostgreSQL data source's macros as in Grafana's
/// `pkg/tsdb/grafana-postgresql-datasource/macros.go` (`$__time`, `$__timeEpoch`, `$__timeFilter`,
/// `$__timeFrom`, `$__timeTo`, `$__timeGroup`, `$__timeGroupAlias`, `$__unixEpochFilter`,
/// `$__unixEpochGroup`, `$__unixEpochGroupAlias`). Unknown variables and macros are errors, so a
/// typo fails the test instead of reaching the server.
package struct GrafanaMacroExpander: Sendable {
    /// The dashboard time range, epoch milliseconds.
    package var fromMilliseconds: Int64
    package var toMilliseconds: Int64
    /// `$__interval` in seconds.
    package var intervalSeconds: Int64 = 3_600
    package var variables: [String: GrafanaVariable] = [:]

    package init(
        fromMilliseconds: Int64, toMilliseconds: Int64, intervalSeconds: Int64 = 3_600,
        variables: [String: GrafanaVariable] = [:]
    ) {
        self.fromMilliseconds = fromMilliseconds
        self.toMilliseconds = toMilliseconds
        self.intervalSeconds = intervalSeconds
        self.variables = variables
    }

    package func expand(_ sql: String) throws(GrafanaExpansionError) -> String {
        try expandMacros(try interpolateVariables(sql))
    }

    /// The front-end step: template variables and the interval/range built-ins.
    package func interpolateVariables(_ sql: String) throws(GrafanaExpansionError) -> String {
        var output = ""
        var index = sql.startIndex
        while index < sql.endIndex {
            let character = sql[index]
            if character == "$", let (name, format, next) = Self.variableReference(in: sql, at: index) {
                if let text = try replacement(name: name, format: format) {
                    output += text
                } else {
                    output += sql[index..<next]
                }
                index = next
            } else if character == "[", sql[index...].hasPrefix("[["),
                let close = sql[index...].range(of: "]]")
            {
                let name = String(sql[sql.index(index, offsetBy: 2)..<close.lowerBound])
                guard let text = try replacement(name: name, format: nil) else {
                    throw GrafanaExpansionError(message: "unknown variable [[\(name)]]")
                }
                output += text
                index = close.upperBound
            } else {
                output.append(character)
                index = sql.index(after: index)
            }
        }
        return output
    }

    /// The text for a variable reference; nil for a `$__name` the back end expands (a macro).
    private func replacement(name: String, format: String?) throws(GrafanaExpansionError) -> String? {
        if let variable = variables[name] {
            guard let format else { return variable.sqlText }
            guard let text = variable.text(format: format) else {
                throw GrafanaExpansionError(message: "unknown format \(format) of variable \(name)")
            }
            return text
        }
        switch name {
        case "__interval": return Self.intervalText(intervalSeconds)
        case "__interval_ms": return String(intervalSeconds * 1_000)
        case "__range_s": return String((toMilliseconds - fromMilliseconds) / 1_000)
        case "__range_ms": return String(toMilliseconds - fromMilliseconds)
        case "__from": return String(fromMilliseconds)
        case "__to": return String(toMilliseconds)
        default:
            if name.hasPrefix("__") { return nil }
            throw GrafanaExpansionError(message: "unknown variable $\(name)")
        }
    }

    /// `$name`, `${name}` or `${name:format}` starting at `index`: the name, format and the end.
    private static func variableReference(in sql: String, at index: String.Index)
        -> (String, String?, String.Index)?
    {
        var cursor = sql.index(after: index)
        guard cursor < sql.endIndex else { return nil }
        if sql[cursor] == "{" {
            guard let close = sql[cursor...].firstIndex(of: "}") else { return nil }
            let body = sql[sql.index(after: cursor)..<close]
            let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? parts[1] : nil, sql.index(after: close))
        }
        let start = cursor
        while cursor < sql.endIndex, isWordCharacter(sql[cursor]) { cursor = sql.index(after: cursor) }
        guard cursor > start else { return nil }
        return (String(sql[start..<cursor]), nil, cursor)
    }

    package static func isWordCharacter(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }

    /// `$__interval` text as Grafana prints it: the largest whole unit (`1d`, `1h`, `30m`, `15s`).
    package static func intervalText(_ seconds: Int64) -> String {
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}

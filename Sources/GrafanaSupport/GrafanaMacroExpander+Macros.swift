import Foundation
import QualityAIDecoding

extension GrafanaMacroExpander {
    /// The back-end step: every `$__name(args)` (Grafana's pattern `\$([_a-zA-Z0-9]+)\(([^\)]*)\)`,
    /// so arguments cannot contain parentheses) replaced by its expansion.
    package func expandMacros(_ sql: String) throws(GrafanaExpansionError) -> String {
        var output = ""
        var index = sql.startIndex
        while index < sql.endIndex {
            guard sql[index] == "$", let call = Self.macroCall(in: sql, at: index) else {
                output.append(sql[index])
                index = sql.index(after: index)
                continue
            }
            var name = call.name
            if name == "__timeGroup", call.end < sql.endIndex, sql[call.end] == "," {
                name = "__timeGroupAlias"
            }
            output += try evaluate(name, arguments: call.arguments)
            index = call.end
        }
        if output.contains("$__") {
            throw GrafanaExpansionError(message: "a $__ reference was left unexpanded in: \(output)")
        }
        return output
    }

    private static func macroCall(in sql: String, at index: String.Index)
        -> (name: String, arguments: [String], end: String.Index)?
    {
        var cursor = sql.index(after: index)
        let start = cursor
        while cursor < sql.endIndex, isWordCharacter(sql[cursor]) { cursor = sql.index(after: cursor) }
        guard cursor > start, cursor < sql.endIndex, sql[cursor] == "(",
            let close = sql[cursor...].firstIndex(of: ")")
        else { return nil }
        let inside = sql[sql.index(after: cursor)..<close]
        let arguments = inside.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return (String(sql[start..<cursor]), arguments, sql.index(after: close))
    }

    private func evaluate(_ name: String, arguments: [String]) throws(GrafanaExpansionError) -> String {
        let column = arguments.first ?? ""
        func needColumn() throws(GrafanaExpansionError) {
            if column.isEmpty { throw GrafanaExpansionError(message: "missing time column argument for macro \(name)") }
        }
        switch name {
        case "__time":
            try needColumn()
            return "\(column) AS \"time\""
        case "__timeEpoch":
            try needColumn()
            return "extract(epoch from \(column)) as \"time\""
        case "__timeFilter":
            try needColumn()
            return "\(column) BETWEEN '\(Self.rfc3339(fromMilliseconds))' AND '\(Self.rfc3339(toMilliseconds))'"
        case "__timeFrom": return "'\(Self.rfc3339(fromMilliseconds))'"
        case "__timeTo": return "'\(Self.rfc3339(toMilliseconds))'"
        case "__timeGroup", "__timeGroupAlias":
            let seconds = try Self.groupSeconds(name, arguments)
            let group = "floor(extract(epoch from \(column))/\(seconds))*\(seconds)"
            return name == "__timeGroup" ? group : group + " AS \"time\""
        case "__unixEpochFilter":
            try needColumn()
            return "\(column) >= \(fromMilliseconds / 1_000) AND \(column) <= \(toMilliseconds / 1_000)"
        case "__unixEpochGroup", "__unixEpochGroupAlias":
            let seconds = try Self.groupSeconds(name, arguments)
            let group = "floor((\(column))/\(seconds))*\(seconds)"
            return name == "__unixEpochGroup" ? group : group + " AS \"time\""
        default:
            throw GrafanaExpansionError(message: "unknown macro \"\(name)\"")
        }
    }

    /// The interval argument in seconds, printed like Go's `%v` of a float64 (`86400`, `1.0368e+06`).
    private static func groupSeconds(_ name: String, _ arguments: [String]) throws(GrafanaExpansionError) -> String {
        guard arguments.count >= 2, arguments.count <= 3, let seconds = intervalSeconds(arguments[1]) else {
            throw GrafanaExpansionError(
                message: "macro \(name) needs time column and interval and optional fill value")
        }
        return goFloat(seconds)
    }

    /// Parses Grafana's interval syntax (`'5m'`, `1d`, `2w`, `500ms`) into seconds.
    package static func intervalSeconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        let digits = trimmed.prefix(while: \.isNumber)
        guard let amount = Double(digits), !digits.isEmpty else { return nil }
        let units: [String: Double] = ["ms": 0.001, "s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        guard let unit = units[String(trimmed.dropFirst(digits.count))] else { return nil }
        return amount * unit
    }

    /// Go's `%v` for a float64 (shortest digits; exponent form when the decimal exponent is below
    /// -4 or at least 6), for values with millisecond resolution: `86400`, `0.02`, `1.0368e+06`.
    package static func goFloat(_ value: Double) -> String {
        let milliseconds = Int64((value * 1_000).rounded())
        guard milliseconds > 0 else { return "0" }
        var digits = String(milliseconds)
        let point = digits.count - 3
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        let exponent = point - 1
        if exponent < -4 || exponent >= 6 {
            let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
            let magnitude = String(abs(exponent))
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return digits + String(repeating: "0", count: point - digits.count) }
        return String(digits.prefix(point)) + "." + digits.dropFirst(point)
    }

    /// Go's `time.RFC3339Nano` in UTC for epoch milliseconds: fraction digits trimmed, `Z`.
    package static func rfc3339(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1_000 : (milliseconds - 999) / 1_000
        let fraction = milliseconds - seconds * 1_000
        let text = VendorTimestamp.format(seconds)
        var result = String(text.prefix(10)) + "T" + String(text.dropFirst(11))
        if fraction != 0 {
            var digits = String(String(fraction + 1_000).dropFirst())
            while digits.hasSuffix("0") { digits.removeLast() }
            result += "." + digits
        }
        return result + "Z"
    }
}

/// A panel query Grafana could not expand (unknown variable or macro, bad arguments).
package struct GrafanaExpansionError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

import Foundation

/// A strict reader of the Prometheus text exposition format (0.0.4) as the loader writes it:
/// `# HELP`, `# TYPE` and sample lines `name{label="value",...} number`, each sample after the
/// `# TYPE` of its metric.
enum ExpositionText {
    /// The samples, `name{labels}` to value.
    /// - Throws: ``ExpositionTextError`` naming the first line that is not valid.
    static func samples(_ text: String) throws -> [String: Double] {
        let name = #/[a-zA-Z_:][a-zA-Z0-9_:]*/#
        let sample =
            #/([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (\S+)/#
        var typed: Set<String> = []
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ", maxSplits: 3)
            if line.hasPrefix("# HELP ") {
                guard parts.count >= 3, parts[2].wholeMatch(of: name) != nil else { throw ExpositionTextError(line) }
            } else if line.hasPrefix("# TYPE ") {
                guard parts.count == 4, parts[2].wholeMatch(of: name) != nil,
                    ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3])
                else { throw ExpositionTextError(line) }
                typed.insert(String(parts[2]))
            } else if line.hasPrefix("#") {
                continue
            } else {
                guard let match = line.wholeMatch(of: sample), typed.contains(String(match.1)),
                    let value = Double(match.3)
                else { throw ExpositionTextError(line) }
                values[String(match.1) + String(match.2 ?? "")] = value
            }
        }
        return values
    }
}

/// A line that is not valid exposition format.
struct ExpositionTextError: Error, CustomStringConvertible {
    var line: String

    init(_ line: Substring) { self.line = String(line) }

    var description: String { "not valid Prometheus text exposition format: \(line)" }
}

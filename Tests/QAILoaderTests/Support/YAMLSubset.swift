/// A parser for the block-style YAML subset the deploy manifests use: mappings, `- ` lists (also
/// of mappings), plain, quoted and flow-list (`[a, b]`) scalars, full-line comments and `---`.
/// Anything else (anchors, multi-line strings, tabs) is reported as an error, so a manifest that
/// strays from the subset fails the test instead of being misread.
indirect enum YAMLNode: Equatable {
    case scalar(String)
    case list([YAMLNode])
    case map([String: YAMLNode])

    /// The node at a dotted path; list elements by number, e.g. `spec.containers.0.name`.
    subscript(path: String) -> YAMLNode? {
        var node: YAMLNode? = self
        for part in path.split(separator: ".") {
            switch node {
            case .map(let map): node = map[String(part)]
            case .list(let items): node = Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return node
    }

    var string: String? { if case .scalar(let value) = self { value } else { nil } }
    var items: [YAMLNode] { if case .list(let items) = self { items } else { [] } }
}

struct YAMLSubsetError: Error, CustomStringConvertible {
    var line: Int
    var problem: String
    var description: String { "line \(line): \(problem)" }
}

struct YAMLSubset {
    private var lines: [(number: Int, indent: Int, text: String)] = []
    private var position = 0

    static func parse(_ text: String) throws -> YAMLNode {
        var parser = YAMLSubset()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") || content == "---" { continue }
            guard !raw.contains("\t"), !content.hasPrefix("&"), !content.contains(": |"), !content.contains(": >")
            else { throw YAMLSubsetError(line: index + 1, problem: "outside the supported subset: \(raw)") }
            parser.lines.append((index + 1, raw.count - content.count, String(content)))
        }
        guard let first = parser.lines.first else { return .map([:]) }
        let node = try parser.block(indent: first.indent)
        if parser.position < parser.lines.count {
            let line = parser.lines[parser.position]
            throw YAMLSubsetError(line: line.number, problem: "unexpected indentation")
        }
        return node
    }

    private mutating func block(indent: Int) throws -> YAMLNode {
        lines[position].text.hasPrefix("- ") ? try list(indent: indent) : try map(indent: indent)
    }

    private mutating func map(indent: Int) throws -> YAMLNode {
        var map: [String: YAMLNode] = [:]
        while position < lines.count, lines[position].indent == indent, !lines[position].text.hasPrefix("- ") {
            let line = lines[position]
            let (key, value) = try Self.keyValue(line.text, line: line.number)
            guard map[key] == nil else { throw YAMLSubsetError(line: line.number, problem: "duplicate key \(key)") }
            position += 1
            if let value {
                map[key] = Self.scalarOrFlow(value)
            } else if position < lines.count, lines[position].indent > indent {
                map[key] = try block(indent: lines[position].indent)
            } else {
                map[key] = .scalar("")
            }
        }
        return .map(map)
    }

    private mutating func list(indent: Int) throws -> YAMLNode {
        var items: [YAMLNode] = []
        while position < lines.count, lines[position].indent == indent, lines[position].text.hasPrefix("- ") {
            let line = lines[position]
            let item = String(line.text.dropFirst(2))
            if item.contains(": ") || item.hasSuffix(":") {
                lines[position] = (line.number, indent + 2, item)
                items.append(try map(indent: indent + 2))
            } else {
                position += 1
                items.append(Self.scalarOrFlow(item))
            }
        }
        return .list(items)
    }

    private static func keyValue(_ text: String, line: Int) throws -> (String, String?) {
        if text.hasSuffix(":") { return (String(text.dropLast()), nil) }
        guard let range = text.range(of: ": ") else {
            throw YAMLSubsetError(line: line, problem: "expected 'key: value' or 'key:'")
        }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    private static func scalarOrFlow(_ text: String) -> YAMLNode {
        if text.hasPrefix("["), text.hasSuffix("]") {
            let inner = text.dropFirst().dropLast()
            return .list(inner.split(separator: ",").map { unquote(String($0).trimmingSpaces) })
        }
        return unquote(text)
    }

    private static func unquote(_ text: String) -> YAMLNode {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return .scalar(String(text.dropFirst().dropLast()))
        }
        return .scalar(text)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

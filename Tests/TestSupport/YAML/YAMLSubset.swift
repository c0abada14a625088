/// A parser for the block-style YAML subset of the deploy manifests and Grafana provisioning
/// files: mappings nested by indentation, `- ` lists (also of mappings, and at their key's
/// indentation), plain, quoted and flow-list (`[a, b]`) scalars, `#` comments (whole lines, or
/// after a space outside quotes) and `---`. Anything else (flow mappings, anchors, aliases,
/// multi-line strings, tabs, duplicate keys) is an error, so a file that strays from the subset
/// fails its test instead of being misread.
public struct YAMLSubset {
    private var lines: [(number: Int, indent: Int, text: String)] = []
    private var position = 0

    /// The document `text` holds; an empty mapping when it holds nothing.
    public static func parse(_ text: String) throws -> YAMLNode {
        var parser = YAMLSubset()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(raw))
            let content = line.drop { $0 == " " }
            if content.isEmpty || content == "---" { continue }
            guard !line.contains("\t") else {
                throw YAMLSubsetError(line: index + 1, problem: "tab in indentation: \(raw)")
            }
            parser.lines.append((index + 1, line.count - content.count, String(content)))
        }
        guard let first = parser.lines.first else { return .map([:]) }
        let node = try parser.block(indent: first.indent)
        if parser.position < parser.lines.count {
            let line = parser.lines[parser.position]
            throw YAMLSubsetError(line: line.number, problem: "unexpected indentation at: \(line.text)")
        }
        return node
    }

    private mutating func block(indent: Int) throws -> YAMLNode {
        Self.isListItem(lines[position].text) ? try list(indent: indent) : try map(indent: indent)
    }

    private mutating func map(indent: Int) throws -> YAMLNode {
        var map: [String: YAMLNode] = [:]
        while position < lines.count, lines[position].indent == indent, !Self.isListItem(lines[position].text) {
            let line = lines[position]
            guard let colon = line.text.firstIndex(of: ":") else {
                throw YAMLSubsetError(line: line.number, problem: "expected 'key: value' or 'key:'")
            }
            let key = try Self.scalar(String(line.text[..<colon]), line: line.number)
            let rest = String(line.text[line.text.index(after: colon)...]).trimmingSpaces
            guard map[key] == nil else { throw YAMLSubsetError(line: line.number, problem: "duplicate key \(key)") }
            position += 1
            if !rest.isEmpty {
                map[key] = try Self.value(rest, line: line.number)
            } else if position < lines.count,
                lines[position].indent > indent
                    || (lines[position].indent == indent && Self.isListItem(lines[position].text))
            {
                map[key] = try block(indent: lines[position].indent)
            } else {
                map[key] = .scalar("")
            }
        }
        return .map(map)
    }

    private mutating func list(indent: Int) throws -> YAMLNode {
        var items: [YAMLNode] = []
        while position < lines.count, lines[position].indent == indent, Self.isListItem(lines[position].text) {
            let line = lines[position]
            let item = String(line.text.dropFirst().drop { $0 == " " })
            if item.isEmpty {
                position += 1
                guard position < lines.count, lines[position].indent > indent else {
                    items.append(.scalar(""))
                    continue
                }
                items.append(try block(indent: lines[position].indent))
            } else if item.contains(": ") || item.hasSuffix(":") {
                let itemIndent = indent + line.text.count - item.count
                lines[position] = (line.number, itemIndent, item)
                items.append(try map(indent: itemIndent))
            } else {
                position += 1
                items.append(try Self.value(item, line: line.number))
            }
        }
        return .list(items)
    }

    private static func isListItem(_ text: String) -> Bool {
        text == "-" || text.hasPrefix("- ")
    }

    /// A scalar, or a flow list of scalars.
    private static func value(_ text: String, line: Int) throws -> YAMLNode {
        if text.hasPrefix("["), text.hasSuffix("]") {
            let inner = text.dropFirst().dropLast()
            return .list(try inner.split(separator: ",").map { .scalar(try scalar(String($0), line: line)) })
        }
        return .scalar(try scalar(text, line: line))
    }

    private static func scalar(_ text: String, line: Int) throws -> String {
        let value = text.trimmingSpaces
        if let first = value.first, "{[&*|>".contains(first) {
            throw YAMLSubsetError(line: line, problem: "outside the supported subset: \(value)")
        }
        for quote in ["\"", "'"] where value.hasPrefix(quote) {
            guard value.count >= 2, value.hasSuffix(quote) else {
                throw YAMLSubsetError(line: line, problem: "unterminated quoted value: \(value)")
            }
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    /// The line without a `#` comment (a `#` at the start or after a space, outside quotes).
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " {
                break
            }
            result.append(character)
            previous = character
        }
        return String(result.reversed().drop { $0 == " " }.reversed())
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

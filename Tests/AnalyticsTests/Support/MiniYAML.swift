/// A reader for the small YAML subset of Grafana provisioning files: nested mappings by
/// indentation, lists of mappings (`- key: value`), plain or quoted scalars, `#` comments. It
/// turns a file into a tree so tests can check which keys exist and what they hold; anything
/// outside the subset (flow collections, anchors, multi-line strings) is an error.
indirect enum MiniYAML: Sendable, Equatable {
    case scalar(String)
    case mapping([String: MiniYAML])
    case list([MiniYAML])

    subscript(key: String) -> MiniYAML? {
        if case .mapping(let values) = self { return values[key] }
        return nil
    }

    var scalar: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    var items: [MiniYAML] {
        if case .list(let values) = self { return values }
        return []
    }

    static func parse(_ text: String) throws -> MiniYAML {
        var lines: [(indent: Int, text: String)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = stripComment(String(raw))
            let content = line.drop(while: { $0 == " " })
            guard !content.isEmpty else { continue }
            if line.contains("\t") { throw MiniYAMLError(message: "tab in indentation: \(line)") }
            lines.append((line.count - content.count, String(content)))
        }
        var position = 0
        let value = try parseBlock(lines, &position, indent: lines.first?.indent ?? 0)
        guard position == lines.count else {
            throw MiniYAMLError(message: "unexpected indentation at: \(lines[position].text)")
        }
        return value
    }

    private static func parseBlock(_ lines: [(indent: Int, text: String)], _ position: inout Int, indent: Int) throws
        -> MiniYAML
    {
        if lines[position].text.hasPrefix("- ") || lines[position].text == "-" {
            var items: [MiniYAML] = []
            while position < lines.count, lines[position].indent == indent, lines[position].text.hasPrefix("-") {
                let rest = String(lines[position].text.dropFirst(1).drop(while: { $0 == " " }))
                let childIndent = indent + lines[position].text.count - rest.count
                if rest.isEmpty {
                    position += 1
                    items.append(try parseBlock(lines, &position, indent: lines[position].indent))
                } else if rest.contains(": ") || rest.hasSuffix(":") {
                    var rewritten = lines
                    rewritten[position] = (childIndent, rest)
                    items.append(try parseBlock(rewritten, &position, indent: childIndent))
                } else {
                    items.append(.scalar(try unquote(rest)))
                    position += 1
                }
            }
            return .list(items)
        }
        var mapping: [String: MiniYAML] = [:]
        while position < lines.count, lines[position].indent == indent, !lines[position].text.hasPrefix("-") {
            let line = lines[position].text
            guard let colon = line.firstIndex(of: ":") else { throw MiniYAMLError(message: "not a key: \(line)") }
            let key = try unquote(String(line[..<colon]))
            let rest = String(line[line.index(after: colon)...]).trimmingSpaces()
            position += 1
            if mapping[key] != nil { throw MiniYAMLError(message: "duplicate key \(key)") }
            if rest.isEmpty {
                guard position < lines.count,
                    lines[position].indent > indent
                        || (lines[position].indent == indent && lines[position].text.hasPrefix("-"))
                else {
                    mapping[key] = .scalar("")
                    continue
                }
                mapping[key] = try parseBlock(lines, &position, indent: lines[position].indent)
            } else {
                mapping[key] = .scalar(try unquote(rest))
            }
        }
        return .mapping(mapping)
    }

    private static func unquote(_ text: String) throws -> String {
        let value = text.trimmingSpaces()
        if value.hasPrefix("{") || value.hasPrefix("[") || value.hasPrefix("&") || value.hasPrefix("*")
            || value.hasPrefix("|") || value.hasPrefix(">")
        {
            throw MiniYAMLError(message: "unsupported YAML value: \(value)")
        }
        for quote in ["\"", "'"] where value.hasPrefix(quote) {
            guard value.count >= 2, value.hasSuffix(quote) else {
                throw MiniYAMLError(message: "unterminated quoted value: \(value)")
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
        return result.trimmingTrailingSpaces()
    }
}

/// A provisioning file outside the YAML subset MiniYAML reads.
struct MiniYAMLError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    func trimmingTrailingSpaces() -> String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}

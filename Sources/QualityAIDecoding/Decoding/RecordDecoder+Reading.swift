extension RecordDecoder {
    /// Reads `node` with `reader`; a value that is present but unusable adds a warning.
    @inline(__always)
    mutating func read<T>(_ node: Int, _ label: @autoclosure () -> String, _ reader: (JSONTape, Int) -> T?) -> T? {
        if let value = reader(tape, node) { return value }
        if !ValueReader.isAbsent(tape, node) { drift(label(), node) }
        return nil
    }

    /// Trimmed text; numbers and booleans as their literal; nil for "no value" markers.
    mutating func text(_ node: Int, _ label: @autoclosure () -> String) -> String? {
        read(node, label(), ValueReader.scalarText)
    }

    /// Trimmed text kept verbatim, markers such as `NA` and `-` included; booleans as `true`/`false`.
    mutating func verbatim(_ node: Int, _ label: @autoclosure () -> String) -> String? {
        switch tape[node].kind {
        case .string:
            let text = ValueReader.trimmed(ValueReader.string(tape, node))
            return text.isEmpty ? nil : text
        case .number, .bool: return ValueReader.scalarText(tape, node)
        case .null: return nil
        case .array, .object:
            drift(label(), node)
            return nil
        }
    }

    mutating func decimal(_ node: Int, _ label: @autoclosure () -> String) -> DecimalText? {
        read(node, label(), ValueReader.decimal)
    }

    /// A list of texts from an array of scalars or a single string.
    mutating func strings(_ node: Int, _ label: @autoclosure () -> String) -> [String] {
        switch tape[node].kind {
        case .array:
            var result: [String] = []
            result.reserveCapacity(Int(tape[node].count))
            tape.forEachElement(of: node) { element in
                if let value = text(element, label()) { result.append(value) }
            }
            return result
        default:
            return text(node, label()).map { [$0] } ?? []
        }
    }

    /// Calls `body` for each object in an array (or for a single object); other values are drift.
    mutating func forEachObject(_ node: Int, _ label: @autoclosure () -> String, _ body: (inout Self, Int) -> Void) {
        switch tape[node].kind {
        case .object:
            body(&self, node)
        case .array:
            tape.forEachElement(of: node) { element in
                if tape[element].kind == .object {
                    body(&self, element)
                } else if !ValueReader.isAbsent(tape, element) {
                    drift(label(), element)
                }
            }
        default:
            if !ValueReader.isAbsent(tape, node) { drift(label(), node) }
        }
    }

    mutating func drift(_ label: String, _ node: Int) {
        let text = tape.text(at: node)
        let shown = text.utf8.count > 40 ? String(text.prefix(40)) + "..." : text
        warnings.append("\(label): unusable \(tape[node].kind) \(shown)")
    }

    /// The JSON text of a subtree: exact, or re-serialised when it holds text PostgreSQL rejects.
    func jsonText(_ node: Int) -> (text: String, sanitised: Bool) {
        if pageNeedsSanitising {
            for index in node..<tape.next(node) where tape[index].flags & JSONNode.needsSanitising != 0 {
                return (JSONWriter.sanitisedText(tape, node), true)
            }
        }
        return (tape.text(at: node), false)
    }
}

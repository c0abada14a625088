/// Typed reads of single JSON values that tolerate the vendor's type drift.
///
/// Every reader returns nil for `null`, for the "no value" markers (`"NA"`, `"N/A"`, `"-"`, `""`)
/// and for a value of a type it cannot use.
enum ValueReader {
    /// True for `null` and the strings the vendor uses for "no value".
    static func isAbsent(_ tape: JSONTape, _ node: Int) -> Bool {
        switch tape[node].kind {
        case .null: return true
        case .string: return isAbsentText(tape.rawBytes(node))
        default: return false
        }
    }

    static func isAbsentText(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = raw.count
        while start < end, raw[start] == 0x20 { start += 1 }
        while end > start, raw[end - 1] == 0x20 { end -= 1 }
        switch end - start {
        case 0: return true
        case 1: return raw[start] == UInt8(ascii: "-")
        case 2: return raw[start] | 0x20 == UInt8(ascii: "n") && raw[start + 1] | 0x20 == UInt8(ascii: "a")
        case 3:
            return raw[start] | 0x20 == UInt8(ascii: "n") && raw[start + 1] == UInt8(ascii: "/")
                && raw[start + 2] | 0x20 == UInt8(ascii: "a")
        default: return false
        }
    }

    /// Text of a string value, trimmed of surrounding whitespace; nil when absent or not a string.
    static func text(_ tape: JSONTape, _ node: Int) -> String? {
        guard tape[node].kind == .string, !isAbsent(tape, node) else { return nil }
        return trimmed(string(tape, node))
    }

    /// Text of a string, number or boolean value (numbers keep their literal, booleans become
    /// `true`/`false`), trimmed; nil when absent or a container.
    static func scalarText(_ tape: JSONTape, _ node: Int) -> String? {
        switch tape[node].kind {
        case .string: return text(tape, node)
        case .number: return tape.text(at: node)
        case .bool: return tape[node].count == 1 ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// The string at `node`, unescaped and sanitised for PostgreSQL.
    @inline(__always)
    static func string(_ tape: JSONTape, _ node: Int) -> String {
        tape.string(at: node, sanitising: true)
    }

    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: utf8[start...end], as: UTF8.self)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

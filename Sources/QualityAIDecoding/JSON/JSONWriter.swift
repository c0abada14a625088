/// Re-serialises parsed JSON compactly, with strings sanitised for PostgreSQL `jsonb`.
enum JSONWriter {
    /// The subtree at `node` as compact JSON in which U+0000, unpaired surrogates and invalid
    /// UTF-8 have become U+FFFD. Numbers keep their literal text, except those `jsonb` cannot hold
    /// (`1e200000`), which become a string of that text; key order is kept.
    static func sanitisedText(_ tape: JSONTape, _ node: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(Int(tape[node].end - tape[node].start) + 16)
        append(tape, node, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ tape: JSONTape, _ node: Int, to out: inout [UInt8]) {
        let value = tape[node]
        switch value.kind {
        case .number where value.flags & JSONNode.needsSanitising != 0:
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: tape.rawBytes(node))
            out.append(UInt8(ascii: "\""))
        case .null, .bool, .number:
            out.append(contentsOf: tape.rawBytes(node))
        case .string:
            appendString(tape.string(at: node, sanitising: true), to: &out)
        case .array:
            out.append(UInt8(ascii: "["))
            var first = true
            tape.forEachElement(of: node) { element in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                append(tape, element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            out.append(UInt8(ascii: "{"))
            var first = true
            tape.forEachMember(of: node) { key, member in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendString(tape.string(at: key, sanitising: true), to: &out)
                out.append(UInt8(ascii: ":"))
                append(tape, member, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

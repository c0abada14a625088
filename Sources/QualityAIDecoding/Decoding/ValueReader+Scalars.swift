extension ValueReader {
    /// An integer from an integral number literal or a string holding one ("21", " 21 ").
    static func int(_ tape: JSONTape, _ node: Int) -> Int? {
        switch tape[node].kind {
        case .number:
            return integer(tape.rawBytes(node))
        case .string:
            guard tape[node].flags & JSONNode.hasEscapes == 0 else { return nil }
            return integer(trimmedBytes(tape.rawBytes(node)))
        default:
            return nil
        }
    }

    /// An integer that fits a PostgreSQL `integer` column; nil (drift) beyond ±2,147,483,647.
    static func int32(_ tape: JSONTape, _ node: Int) -> Int? {
        int(tape, node).flatMap { Int32(exactly: $0) }.map(Int.init)
    }

    /// A count: an integer that is not negative (a negative `totalResults` is as good as none).
    static func count(_ tape: JSONTape, _ node: Int) -> Int? {
        int(tape, node).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// A boolean from `true`/`false`, the numbers 1/0 and the strings true/false/yes/no/y/n/1/0
    /// (any case).
    static func bool(_ tape: JSONTape, _ node: Int) -> Bool? {
        let value = tape[node]
        switch value.kind {
        case .bool:
            return value.count == 1
        case .number:
            switch integer(tape.rawBytes(node)) {
            case 1: return true
            case 0: return false
            default: return nil
            }
        case .string:
            let raw = trimmedBytes(tape.rawBytes(node))
            guard raw.count <= 5 else { return nil }
            var word: UInt64 = 0
            for byte in raw { word = word << 8 | UInt64(KeyTable.lower(byte)) }
            switch word {
            case 0x7472_7565, 0x7965_73, 0x79, 0x31: return true  // true, yes, y, 1
            case 0x66_616C_7365, 0x6E6F, 0x6E, 0x30: return false  // false, no, n, 0
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A decimal from a number literal or a string holding one (a trailing `%` is dropped).
    static func decimal(_ tape: JSONTape, _ node: Int) -> DecimalText? {
        switch tape[node].kind {
        case .number:
            guard DecimalText.fitsNumeric(tape.rawBytes(node)) else { return nil }
            return DecimalText(validatedLiteral: tape.text(at: node))
        case .string:
            guard tape[node].flags & JSONNode.hasEscapes == 0 else { return nil }
            return DecimalText(lenient: trimmedBytes(tape.rawBytes(node)))
        default:
            return nil
        }
    }

    /// Parses an optionally signed run of ASCII digits that fits in an `Int`.
    static func integer(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if raw.count > 0, raw[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < raw.count, raw.count - index <= 18 else { return nil }
        var value = 0
        while index < raw.count {
            let digit = raw[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    static func trimmedBytes(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = raw.count
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: raw[start..<end])
    }
}

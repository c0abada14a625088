extension JSONParser {
    mutating func parseNumber() throws(JSONError) {
        let start = pos
        var flags = JSONNode.isInteger
        if base[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < count, isDigit(base[pos]) else { throw JSONError("invalid number: expected a digit", at: pos) }
        if base[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < count, isDigit(base[pos]) { throw JSONError("invalid number: leading zero", at: start) }
        } else {
            while pos < count, isDigit(base[pos]) { pos += 1 }
        }
        if pos < count, base[pos] == UInt8(ascii: ".") {
            pos += 1
            flags = 0
            guard pos < count, isDigit(base[pos]) else {
                throw JSONError("invalid number: expected a digit after '.'", at: pos)
            }
            while pos < count, isDigit(base[pos]) { pos += 1 }
        }
        if pos < count, base[pos] | 0x20 == UInt8(ascii: "e") {
            pos += 1
            flags = 0
            if pos < count, base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < count, isDigit(base[pos]) else {
                throw JSONError("invalid number: expected a digit in the exponent", at: pos)
            }
            var exponent = 0
            while pos < count, isDigit(base[pos]) {
                exponent = min(exponent * 10 + Int(base[pos] &- 0x30), Int(UInt16.max))
                pos += 1
            }
            if exponent > DecimalText.maximumExponent { flags |= JSONNode.needsSanitising }
        }
        if pos - start > DecimalText.maximumLength { flags |= JSONNode.needsSanitising }
        if flags & JSONNode.needsSanitising != 0 { sawTextNeedingSanitising = true }
        nodes.append(
            JSONNode(
                kind: .number, flags: flags, start: UInt32(start), end: UInt32(pos), next: UInt32(nodes.count + 1),
                count: 0))
    }

    mutating func parseString() throws(JSONError) {
        let quote = pos
        pos += 1
        let start = pos
        var flags: UInt8 = 0
        while true {
            while pos + 8 <= count {
                let word = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                if Self.mayNeedAttention(word) { break }
                pos += 8
            }
            guard pos < count else { throw JSONError("unterminated string", at: quote) }
            let byte = base[pos]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                flags |= JSONNode.hasEscapes
                try scanEscape(&flags)
            } else if byte < 0x20 {
                throw JSONError("unescaped control character \(Self.describe(byte)) in a string", at: pos)
            } else if byte < 0x80 {
                pos += 1
            } else {
                try scanMultiByte(&flags)
            }
        }
        if flags & JSONNode.needsSanitising != 0 { sawTextNeedingSanitising = true }
        nodes.append(
            JSONNode(
                kind: .string, flags: flags, start: UInt32(start), end: UInt32(pos), next: UInt32(nodes.count + 1),
                count: 0))
        pos += 1
    }

    /// True when any of the 8 bytes is a quote, a backslash, a control character or non-ASCII.
    @inline(__always)
    static func mayNeedAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quoteZero = (quote &- ones) & ~quote
        let backslashZero = (backslash &- ones) & ~backslash
        return (control | quoteZero | backslashZero | word) & high != 0
    }

    mutating func scanEscape(_ flags: inout UInt8) throws(JSONError) {
        let escape = pos
        pos += 1
        guard pos < count else { throw JSONError("unterminated string", at: escape) }
        switch base[pos] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            pos += 1
        case UInt8(ascii: "u"):
            let unit = try hex4(at: pos + 1)
            pos += 5
            if unit == 0 {
                flags |= JSONNode.needsSanitising
            } else if unit >= 0xD800, unit <= 0xDBFF {
                if pos + 6 <= count, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u"),
                    let low = try? hex4(at: pos + 2), low >= 0xDC00, low <= 0xDFFF
                {
                    pos += 6
                } else {
                    try unpaired(unit, at: escape, &flags)
                }
            } else if unit >= 0xDC00, unit <= 0xDFFF {
                try unpaired(unit, at: escape, &flags)
            }
        case let byte:
            throw JSONError("invalid escape \\\(Self.describe(byte)) in a string", at: escape)
        }
    }

    private func unpaired(_ unit: UInt16, at offset: Int, _ flags: inout UInt8) throws(JSONError) {
        guard tolerant else {
            throw JSONError("unpaired surrogate \\u\(String(unit, radix: 16, uppercase: true)) in a string", at: offset)
        }
        flags |= JSONNode.needsSanitising
    }

    func hex4(at offset: Int) throws(JSONError) -> UInt16 {
        guard offset + 4 <= count else { throw JSONError("unterminated \\u escape", at: offset - 2) }
        var value: UInt16 = 0
        for i in 0..<4 {
            guard let digit = hexValue(base[offset + i]) else {
                throw JSONError("invalid hex digit in a \\u escape", at: offset + i)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    mutating func scanMultiByte(_ flags: inout UInt8) throws(JSONError) {
        let length = validUTF8SequenceLength(base + pos, available: count - pos)
        if length > 0 {
            pos += length
        } else if tolerant {
            flags |= JSONNode.needsSanitising
            pos += 1
        } else {
            throw JSONError("invalid UTF-8 \(Self.describe(base[pos])) in a string", at: pos)
        }
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    if byte &- 0x30 < 10 { return byte &- 0x30 }
    let lower = byte | 0x20
    if lower &- 0x61 < 6 { return lower &- 0x61 + 10 }
    return nil
}

/// Length of the valid multi-byte UTF-8 sequence at `pointer` (2...4), or 0 when it is invalid.
@inline(__always)
func validUTF8SequenceLength(_ pointer: UnsafePointer<UInt8>, available: Int) -> Int {
    let lead = pointer[0]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return 0
    }
    guard available >= length, pointer[1] >= low, pointer[1] <= high else { return 0 }
    for i in 2..<length where pointer[i] & 0xC0 != 0x80 { return 0 }
    return length
}

extension JSONWriter {
    /// Writes a quoted JSON string: `"` and `\` escaped, control characters as short escapes or
    /// `\u00XX`; non-ASCII as raw UTF-8, or as `\uXXXX` escapes when `asciiOnly`.
    mutating func appendEscaped(_ value: String, asciiOnly: Bool) {
        appendByte(0x22)
        var value = value
        let clean = value.withUTF8 { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || (asciiOnly && byte >= 0x80) {
                return false
            }
            appendBytes(utf8)
            return true
        }
        if !clean {
            appendEscapedScalars(value, asciiOnly: asciiOnly)
        }
        appendByte(0x22)
    }

    private mutating func appendEscapedScalars(_ value: String, asciiOnly: Bool) {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: appendBytes([0x5C, 0x22])
            case 0x5C: appendBytes([0x5C, 0x5C])
            case 0x0A: appendBytes([0x5C, 0x6E])
            case 0x0D: appendBytes([0x5C, 0x72])
            case 0x09: appendBytes([0x5C, 0x74])
            case 0x08: appendBytes([0x5C, 0x62])
            case 0x0C: appendBytes([0x5C, 0x66])
            case 0..<0x20: appendUnicodeEscape(UInt16(scalar.value))
            case 0x20..<0x80: appendByte(UInt8(scalar.value))
            default:
                if !asciiOnly {
                    appendBytes(Array(String(scalar).utf8))
                } else if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    appendUnicodeEscape(UInt16(0xD800 + (offset >> 10)))
                    appendUnicodeEscape(UInt16(0xDC00 + (offset & 0x3FF)))
                } else {
                    appendUnicodeEscape(UInt16(scalar.value))
                }
            }
        }
    }

    private mutating func appendUnicodeEscape(_ unit: UInt16) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        appendBytes([0x5C, 0x75])
        for shift in stride(from: 12, through: 0, by: -4) {
            appendByte(hex[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}

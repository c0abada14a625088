extension JSONTape {
    /// The unescaped text of the string at `index`, exactly as JSON defines it (`\u0000` gives
    /// U+0000; text the parser tolerated as invalid reads back with U+FFFD).
    public func string(at index: Int) -> String {
        string(at: index, sanitising: false)
    }

    /// The unescaped text of the string at `index`; with `sanitising`, U+0000 and unpaired
    /// surrogates become U+FFFD so that PostgreSQL `text` and `jsonb` accept the result.
    public func string(at index: Int, sanitising: Bool) -> String {
        let node = nodes[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
        if node.flags & JSONNode.hasEscapes == 0 {
            return String(decoding: raw, as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: raw.count) { out in
            unescape(raw, into: out, sanitising: sanitising)
        }
    }

    /// Writes the unescaped UTF-8 of `raw` (the validated inside of a string) into `out`, which
    /// holds at least `raw.count` bytes: an escape never decodes to more bytes than it spells.
    func unescape(
        _ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, sanitising: Bool
    ) -> Int {
        var i = 0
        var o = 0
        while i < raw.count {
            let byte = raw[i]
            if byte != UInt8(ascii: "\\") {
                out[o] = byte
                o += 1
                i += 1
                continue
            }
            let kind = raw[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "b"): out[o] = 0x08
            case UInt8(ascii: "f"): out[o] = 0x0C
            case UInt8(ascii: "n"): out[o] = 0x0A
            case UInt8(ascii: "r"): out[o] = 0x0D
            case UInt8(ascii: "t"): out[o] = 0x09
            case UInt8(ascii: "u"):
                var scalar = UInt32(hex4(raw, i))
                i += 4
                if scalar >= 0xD800, scalar <= 0xDBFF, i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                    raw[i + 1] == UInt8(ascii: "u")
                {
                    let low = UInt32(hex4(raw, i + 2))
                    if low >= 0xDC00, low <= 0xDFFF {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                if (scalar >= 0xD800 && scalar <= 0xDFFF) || (scalar == 0 && sanitising) {
                    scalar = 0xFFFD
                }
                o += encodeUTF8(scalar, into: out, at: o)
                continue
            default: out[o] = kind
            }
            o += 1
        }
        return o
    }

    private func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16 {
        var value: UInt16 = 0
        for k in 0..<4 { value = value << 4 | UInt16(hexValue(raw[at + k]) ?? 0) }
        return value
    }
}

/// Writes `scalar` as UTF-8 at `out[at...]`, returning the number of bytes written.
@inline(__always)
func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
    switch scalar {
    case 0..<0x80:
        out[at] = UInt8(scalar)
        return 1
    case 0x80..<0x800:
        out[at] = UInt8(0xC0 | scalar >> 6)
        out[at + 1] = UInt8(0x80 | scalar & 0x3F)
        return 2
    case 0x800..<0x10000:
        out[at] = UInt8(0xE0 | scalar >> 12)
        out[at + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[at + 2] = UInt8(0x80 | scalar & 0x3F)
        return 3
    default:
        out[at] = UInt8(0xF0 | scalar >> 18)
        out[at + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
        out[at + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[at + 3] = UInt8(0x80 | scalar & 0x3F)
        return 4
    }
}

/// A minimal JSON writer into a byte buffer, so the mock controls key order and spelling exactly.
///
/// Separators are handled with one flag: after a key no comma is due; after a value or a closed
/// container the next key or element needs one.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        separate()
        bytes.append(0x7B)
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(0x7D)
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(0x5B)
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(0x5D)
        needsComma = true
    }

    /// A key the mock spells itself (no escaping needed: no quotes, backslashes or controls).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = false
    }

    /// A key from data (custom field names): escaped like any string.
    mutating func key(text name: String) {
        separate()
        appendEscaped(name, asciiOnly: false)
        bytes.append(0x3A)
        needsComma = false
    }

    /// A string value; `asciiOnly` writes every non-ASCII scalar as `\uXXXX` (surrogate pairs above
    /// U+FFFF), as some JSON encoders do.
    mutating func string(_ value: String, asciiOnly: Bool = false) {
        separate()
        appendEscaped(value, asciiOnly: asciiOnly)
        needsComma = true
    }

    mutating func string(_ value: String?, asciiOnly: Bool = false) {
        if let value { string(value, asciiOnly: asciiOnly) } else { null() }
    }

    mutating func int(_ value: Int) {
        separate()
        appendInteger(Int64(value))
        needsComma = true
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func int64(_ value: Int64) {
        separate()
        appendInteger(value)
        needsComma = true
    }

    /// A decimal number given as an integer scaled by 10^scale (e.g. 4215 with scale 2 is 42.15).
    mutating func decimal(_ scaled: Int, scale: Int) {
        separate()
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        if scaled < 0 { bytes.append(0x2D) }
        let magnitude = scaled.magnitude
        appendInteger(Int64(magnitude / UInt(divisor)))
        if scale > 0 {
            bytes.append(0x2E)
            appendPadded(Int64(magnitude % UInt(divisor)), width: scale)
        }
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// Bytes that are already a complete JSON value.
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(0x2C) }
    }

    mutating func appendInteger(_ value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        var rest = magnitude
        while divisor > 0 {
            bytes.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    mutating func appendPadded(_ value: Int64, width: Int) {
        var divisor: Int64 = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(0x30 + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func appendBytes(_ more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// The same for a buffer: a concrete type, so the copy is one `memcpy` without generic lookups.
    mutating func appendBytes(_ more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// Writes a value through a closure that appends its bytes directly (times, numbers).
    mutating func value(_ write: (inout JSONWriter) -> Void) {
        separate()
        write(&self)
        needsComma = true
    }
}

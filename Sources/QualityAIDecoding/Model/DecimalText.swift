/// A number kept as its validated literal text (JSON number grammar: `77`, `-12.5`, `1e3`), so
/// that a loader can hand it to a PostgreSQL `numeric` column without rounding.
public struct DecimalText: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The literal, e.g. `-12.5`.
    public let text: String

    /// Validates `text` (surrounding spaces allowed, trailing `%` dropped); nil when it is not a
    /// finite JSON number literal.
    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ DecimalText(lenient: ValueReader.trimmedBytes($0)) }) else { return nil }
        self = value
    }

    /// Wraps a literal the JSON parser already validated.
    init(validatedLiteral text: String) {
        self.text = text
    }

    /// Validates raw bytes, dropping a trailing `%`; nil unless a JSON number literal remains.
    init?(lenient raw: UnsafeBufferPointer<UInt8>) {
        var end = raw.count
        if end > 0, raw[end - 1] == UInt8(ascii: "%") { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: raw[0..<end])
        guard Self.isNumberLiteral(bytes), Self.fitsNumeric(bytes) else { return nil }
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// Longest literal kept, in bytes; longer ones (`0.000…` with thousands of digits) are drift.
    public static let maximumLength = 256
    /// Largest exponent magnitude kept: PostgreSQL `numeric` refuses `1e200000` and `1e-20000`.
    public static let maximumExponent = 1_000

    /// True when a valid number literal is short enough and its exponent small enough for a
    /// PostgreSQL `numeric` column (which holds up to 131,072 digits before the point and 16,383
    /// after it).
    static func fitsNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= maximumLength else { return false }
        guard let marker = bytes.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }) else { return true }
        var exponent = 0
        for byte in bytes[(marker + 1)...] where isDigit(byte) {
            exponent = exponent * 10 + Int(byte &- 0x30)
            if exponent > maximumExponent { return false }
        }
        return true
    }

    /// The value as a `Double` (may round).
    public var double: Double { Double(text) ?? .nan }

    public var description: String { text }

    public static func < (lhs: DecimalText, rhs: DecimalText) -> Bool { lhs.double < rhs.double }

    /// True when `bytes` is exactly one JSON number literal.
    static func isNumberLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}

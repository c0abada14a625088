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
        guard Self.isNumberLiteral(bytes) else { return nil }
        text = String(decoding: bytes, as: UTF8.self)
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

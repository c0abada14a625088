/// Encodes values in PostgreSQL's COPY text format. This is the only place that escapes COPY
/// data: backslash, tab, newline and carriage return are escaped; everything else, including
/// non-ASCII and emoji, passes through as UTF-8 bytes. A NUL byte cannot be represented.
public enum CopyTextEncoder {
    /// Appends `text` escaped for COPY; returns false (appending nothing useful) if it holds a NUL byte.
    @inlinable
    public static func appendEscaped(_ text: String, to buffer: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in appendEscaped(bytes, to: &buffer) }
    }

    /// Appends UTF-8 `bytes` escaped for COPY; returns false if they hold a NUL byte. Internal:
    /// the public surface takes a `String` (whose UTF-8 this borrows without copying).
    @inlinable
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) -> Bool {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte > 13 && byte != 92 {
                index += 1
                continue
            }
            let escaped: UInt8
            switch byte {
            case 92: escaped = 92
            case 9: escaped = 116
            case 10: escaped = 110
            case 13: escaped = 114
            case 0: return false
            default:
                index += 1
                continue
            }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            buffer.append(92)
            buffer.append(escaped)
            index += 1
            runStart = index
        }
        if runStart < count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        return true
    }

    /// Appends the decimal digits of `value` without allocating a string.
    @inlinable
    public static func appendDecimal(_ value: Int64, to buffer: inout [UInt8]) {
        if value == 0 {
            buffer.append(48)
            return
        }
        var magnitude = value.magnitude
        if value < 0 { buffer.append(45) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { storage in
            while magnitude > 0 {
                storage[count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for position in stride(from: count - 1, through: 0, by: -1) { buffer.append(storage[position]) }
        }
    }

    /// Builds a PostgreSQL array literal (`{"a","b"}`) for a `text[]` column; the result still
    /// goes through `appendEscaped` like any other text.
    public static func arrayLiteral(_ elements: [String]) -> String {
        var literal = "{"
        for (position, element) in elements.enumerated() {
            if position > 0 { literal += "," }
            literal += "\""
            for character in element {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }
}

extension ValueReader {
    /// A timestamp from text (see `Timestamp.init(parsing:)`) or an epoch-milliseconds number.
    static func timestamp(_ tape: JSONTape, _ node: Int) -> Timestamp? {
        switch tape[node].kind {
        case .string:
            guard tape[node].flags & JSONNode.hasEscapes == 0 else { return nil }
            return Timestamp.parse(trimmedBytes(tape.rawBytes(node)))
        case .number:
            guard let value = Double(tape.text(at: node)), value.isFinite else { return nil }
            return Timestamp(epochNumber: value)
        default:
            return nil
        }
    }

    /// A duration in milliseconds from a number (milliseconds) or text: `"99000 milliseconds"`,
    /// `"99 seconds"`, `"1.5 min"`, `"2 hours"`, `"99000"`, `"01:39"`, `"00:01:39"`.
    static func durationMs(_ tape: JSONTape, _ node: Int) -> Int64? {
        switch tape[node].kind {
        case .number:
            guard let value = Double(tape.text(at: node)) else { return nil }
            return milliseconds(value, scale: 1)
        case .string:
            guard tape[node].flags & JSONNode.hasEscapes == 0 else { return nil }
            return durationText(trimmedBytes(tape.rawBytes(node)))
        default:
            return nil
        }
    }

    static func durationText(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        if bytes.contains(UInt8(ascii: ":")) { return clockDuration(bytes) }
        var split = 0
        while split < bytes.count,
            isDigit(bytes[split]) || bytes[split] == UInt8(ascii: ".")
                || (split == 0 && bytes[split] == UInt8(ascii: "-"))
        {
            split += 1
        }
        let number = UnsafeBufferPointer(rebasing: bytes[0..<split])
        guard DecimalText.isNumberLiteral(number), let value = Double(String(decoding: number, as: UTF8.self)) else {
            return nil
        }
        var unit = String(decoding: trimmedBytes(UnsafeBufferPointer(rebasing: bytes[split...])), as: UTF8.self)
        unit = unit.lowercased()
        switch unit {
        case "", "ms", "msec", "msecs", "millisecond", "milliseconds": return milliseconds(value, scale: 1)
        case "s", "sec", "secs", "second", "seconds": return milliseconds(value, scale: 1000)
        case "m", "min", "mins", "minute", "minutes": return milliseconds(value, scale: 60_000)
        case "h", "hr", "hrs", "hour", "hours": return milliseconds(value, scale: 3_600_000)
        default: return nil
        }
    }

    private static func clockDuration(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var seconds: Double = 0
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
                let value = Double(String(decoding: part, as: UTF8.self))
            else { return nil }
            seconds = seconds * 60 + value
        }
        return milliseconds(seconds, scale: 1000)
    }

    private static func milliseconds(_ value: Double, scale: Double) -> Int64? {
        let result = (value * scale).rounded()
        guard result.isFinite, abs(result) < 9e15 else { return nil }
        return Int64(result)
    }
}

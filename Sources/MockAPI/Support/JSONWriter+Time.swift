extension JSONWriter {
    /// Appends `YYYY-MM-DD HH:MM:SS` (no quotes).
    mutating func appendSpacedTime(_ seconds: Int64) {
        appendDateTime(seconds, separator: 0x20)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ` (no quotes).
    mutating func appendISOTime(milliseconds: Int64, withFraction: Bool) {
        let seconds = UTCTime.floorDiv(milliseconds, 1000)
        appendDateTime(seconds, separator: 0x54)
        if withFraction {
            appendByte(0x2E)
            appendPadded(milliseconds - seconds * 1000, width: 3)
        }
        appendByte(0x5A)
    }

    /// A quoted `YYYY-MM-DD HH:MM:SS` value.
    mutating func spacedTime(_ seconds: Int64) {
        value {
            $0.appendByte(0x22)
            $0.appendSpacedTime(seconds)
            $0.appendByte(0x22)
        }
    }

    /// A quoted ISO-8601 UTC value, with milliseconds when asked.
    mutating func isoTime(milliseconds: Int64, withFraction: Bool) {
        value {
            $0.appendByte(0x22)
            $0.appendISOTime(milliseconds: milliseconds, withFraction: withFraction)
            $0.appendByte(0x22)
        }
    }

    private mutating func appendDateTime(_ seconds: Int64, separator: UInt8) {
        let value = UTCTime.fields(seconds)
        appendPadded(value.year, width: 4)
        appendByte(0x2D)
        appendPadded(value.month, width: 2)
        appendByte(0x2D)
        appendPadded(value.day, width: 2)
        appendByte(separator)
        appendPadded(value.second / 3600, width: 2)
        appendByte(0x3A)
        appendPadded(value.second / 60 % 60, width: 2)
        appendByte(0x3A)
        appendPadded(value.second % 60, width: 2)
    }
}

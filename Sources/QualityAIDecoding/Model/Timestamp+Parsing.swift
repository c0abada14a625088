extension Timestamp {
    /// Parses trimmed timestamp text; see `init(parsing:)` for the accepted forms. Nil outside
    /// `Timestamp.supported` (year 0000, or an offset that moves a date out of the years 1...9999).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard let value = parseAnyYear(bytes), supported.contains(value.microseconds) else { return nil }
        return value
    }

    private static func parseAnyYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        if bytes.count >= 9, bytes.allSatisfy(isDigit), let value = Double(String(decoding: bytes, as: UTF8.self)) {
            return Timestamp(epochNumber: value)
        }
        var reader = FieldReader(bytes: bytes)
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
            let day = reader.digits(2), (1...12).contains(month), day >= 1,
            day <= VendorTimestamp.daysIn(month: month, year: year)
        else { return nil }
        var micros = VendorTimestamp.days(fromCivil: year, month, day) * 86_400_000_000
        if reader.atEnd { return Timestamp(microseconds: micros) }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" "), let hour = reader.digits(2), hour < 24,
            reader.skip(":"), let minute = reader.digits(2), minute < 60
        else { return nil }
        var second: Int64 = 0
        if reader.skip(":") {
            guard let value = reader.digits(2), value < 61 else { return nil }
            second = value
        }
        micros += ((hour * 60 + minute) * 60 + second) * 1_000_000
        if reader.skip(".") || reader.skip(",") {
            var scale: Int64 = 100_000
            var count = 0
            while let digit = reader.digits(1) {
                micros += digit * scale
                scale /= 10
                count += 1
            }
            guard count > 0 else { return nil }
        }
        _ = reader.skip(" ")
        if reader.atEnd || reader.skip("Z") || reader.skip("z") || reader.skip("UTC") || reader.skip("GMT") {
            return reader.atEnd ? Timestamp(microseconds: micros) : nil
        }
        let sign: Int64
        if reader.skip("+") {
            sign = 1
        } else if reader.skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = reader.digits(2), offsetHours < 24 else { return nil }
        var offsetMinutes: Int64 = 0
        if !reader.atEnd {
            _ = reader.skip(":")
            guard let value = reader.digits(2), value < 60 else { return nil }
            offsetMinutes = value
        }
        guard reader.atEnd else { return nil }
        return Timestamp(microseconds: micros - sign * (offsetHours * 60 + offsetMinutes) * 60_000_000)
    }

    /// A cursor over ASCII timestamp text.
    private struct FieldReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ literal: StaticString) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            for offset in 0..<length where bytes[index + offset] != literal.utf8Start[offset] { return false }
            index += length
            return true
        }

        mutating func digits(_ count: Int) -> Int64? {
            guard index + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<count {
                let digit = bytes[index + offset] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            index += count
            return value
        }
    }
}

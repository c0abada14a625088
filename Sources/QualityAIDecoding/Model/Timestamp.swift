/// A point in time as whole microseconds since 1970-01-01 00:00:00 UTC (PostgreSQL's
/// `timestamptz` resolution).
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch, UTC.
    public var microseconds: Int64

    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// Parses the vendor's forms: ISO 8601 (`2026-03-23T10:17:54Z`, with milliseconds, with an
    /// offset such as `+05:30`), `YYYY-MM-DD HH:MM:SS` (UTC), `YYYY-MM-DD`, and epoch
    /// milliseconds written as digits. Nil when the text is none of these.
    public init?(parsing text: String) {
        var text = text
        guard let value = text.withUTF8({ Self.parse(ValueReader.trimmedBytes($0)) }) else { return nil }
        self = value
    }

    /// A timestamp from epoch milliseconds; magnitudes below 100,000,000,000 (March 1973 in
    /// milliseconds) are read as epoch seconds, since the vendor's data is never that old. Nil
    /// outside the years 0001...9999.
    public init?(epochNumber milliseconds: Double) {
        let scale: Double = abs(milliseconds) < 100_000_000_000 ? 1_000_000 : 1_000
        let micros = (milliseconds * scale).rounded()
        // Both bounds are exact doubles; `supported.upperBound` is not, so it is not compared here.
        guard micros.isFinite, micros >= -62_135_596_800_000_000, micros < 253_402_300_800_000_000 else { return nil }
        microseconds = Int64(micros)
    }

    /// The instants a timestamp may hold: 0001-01-01T00:00:00Z up to 9999-12-31T23:59:59.999999Z.
    /// PostgreSQL refuses year 0 and the text forms stop at year 9999, so the readers give nil
    /// outside this range rather than a value the warehouse cannot store.
    public static let supported: ClosedRange<Int64> = -62_135_596_800_000_000...253_402_300_799_999_999

    /// ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` or `.uuuuuu` when not whole seconds.
    public var isoText: String {
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds + 1) / 1_000_000 - 1
        let fraction = microseconds - seconds * 1_000_000
        var text = VendorTimestamp.format(seconds)
        text = String(text.prefix(10)) + "T" + String(text.dropFirst(11))
        if fraction != 0 {
            let digits = String(fraction + 1_000_000).dropFirst()
            text += "." + (fraction % 1000 == 0 ? String(digits.prefix(3)) : String(digits))
        }
        return text + "Z"
    }

    public var description: String { isoText }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }
}

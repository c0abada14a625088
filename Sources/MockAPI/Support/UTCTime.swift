/// UTC calendar arithmetic and the text forms the vendor uses, without Foundation formatters.
/// Written apart from the loader's `VendorTimestamp` on purpose: the mock is the tests' ground
/// truth, so it must not share the date code it checks.
enum UTCTime {
    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Splits epoch seconds into date and time-of-day fields.
    static func fields(_ seconds: Int64) -> (year: Int64, month: Int64, day: Int64, second: Int64) {
        let dayCount = floorDiv(seconds, 86_400)
        let date = civil(days: dayCount)
        return (date.year, date.month, date.day, seconds - dayCount * 86_400)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    static func spaced(_ seconds: Int64) -> String {
        var writer = JSONWriter(capacity: 20)
        writer.appendSpacedTime(seconds)
        return writer.text
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` (always with milliseconds).
    static func iso(milliseconds: Int64) -> String {
        var writer = JSONWriter(capacity: 24)
        writer.appendISOTime(milliseconds: milliseconds, withFraction: true)
        return writer.text
    }

    /// `YYYY-MM-DD` of the UTC day holding the instant.
    static func date(_ seconds: Int64) -> String {
        String(spaced(seconds).prefix(10))
    }

    /// An RFC 9110 HTTP-date, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ seconds: Int64) -> String {
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let value = fields(seconds)
        let weekday = weekdays[Int(((floorDiv(seconds, 86_400) % 7) + 7) % 7)]
        let time = spaced(seconds).suffix(8)
        let day = value.day < 10 ? "0\(value.day)" : "\(value.day)"
        return "\(weekday), \(day) \(months[Int(value.month) - 1]) \(value.year) \(time) GMT"
    }
}

/// Parses an HTTP `Retry-After` value: delay-seconds, or an HTTP-date in any of the three forms
/// RFC 9110 requires recipients to accept (IMF-fixdate, RFC 850, asctime), always GMT.
public enum RetryAfter {
    /// The wait the value asks for, measured from `now` (seconds since the Unix epoch); a date in
    /// the past means no wait. Nil when the value is malformed.
    public static func parse(_ value: String, now: Int64) -> Duration? {
        let text = value.trimmingSpaces()
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard let seconds = Int64(text) else { return nil }
            return .seconds(seconds)
        }
        guard let date = httpDate(text) else { return nil }
        return .seconds(max(0, date - now))
    }

    /// Seconds since the Unix epoch for an HTTP-date, or nil.
    public static func httpDate(_ text: String) -> Int64? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        switch words.count {
        case 6 where words[5] == "GMT":
            // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
            guard weekdays.contains(words[0]), words[1].count == 2, words[3].count == 4 else { return nil }
            return compose(year: Int64(words[3]), month: words[2], day: Int64(words[1]), time: words[4])
        case 4 where words[3] == "GMT":
            // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
            let parts = words[1].split(separator: "-").map(String.init)
            guard longWeekdays.contains(words[0]), parts.count == 3, parts[0].count == 2, parts[2].count == 2,
                let shortYear = Int64(parts[2])
            else { return nil }
            return compose(
                year: shortYear < 70 ? 2000 + shortYear : 1900 + shortYear, month: parts[1],
                day: Int64(parts[0]), time: words[2])
        case 5:
            // asctime: "Sun Nov  6 08:49:37 1994"
            guard weekdays.contains(words[0]), words[4].count == 4 else { return nil }
            return compose(year: Int64(words[4]), month: words[1], day: Int64(words[2]), time: words[3])
        default:
            return nil
        }
    }

    private static let weekdays: Set = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longWeekdays: Set = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func compose(year: Int64?, month: String, day: Int64?, time: String) -> Int64? {
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard let year, let day, let monthIndex = months.firstIndex(of: month), clock.count == 3,
            clock.allSatisfy({ $0.count == 2 }), let hour = Int64(clock[0]), let minute = Int64(clock[1]),
            let second = Int64(clock[2]), hour < 24, minute < 60, second <= 60,
            day >= 1, day <= VendorTimestamp.daysIn(month: Int64(monthIndex + 1), year: year)
        else { return nil }
        let days = VendorTimestamp.days(fromCivil: year, Int64(monthIndex + 1), day)
        return days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(
            self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" })
                .reversed())
    }
}

extension UTCTime {
    /// Parses the request forms the vendor accepts, in UTC: `YYYY-MM-DD HH:MM:SS`,
    /// `YYYY-MM-DDTHH:MM:SS`, and the latter followed by `Z` or a fraction and `Z`
    /// (`.mmmZ`). A fraction is truncated to whole seconds. Anything else is nil.
    static func parseRequestTime(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 0x2D, let month = number(5, 2), bytes[7] == 0x2D,
            let day = number(8, 2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            bytes[10] == 0x20 || bytes[10] == 0x54,
            let hour = number(11, 2), bytes[13] == 0x3A, let minute = number(14, 2), bytes[16] == 0x3A,
            let second = number(17, 2), hour < 24, minute < 60, second < 60
        else { return nil }
        let rest = bytes[19...]
        if !rest.isEmpty {
            guard bytes[10] == 0x54, rest.last == 0x5A else { return nil }
            let fraction = rest.dropLast()
            if !fraction.isEmpty {
                let digits = fraction.dropFirst()
                guard fraction.first == 0x2E, (1...9).contains(digits.count),
                    digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                else { return nil }
            }
        }
        return days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }
}

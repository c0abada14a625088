import ArgumentParser
import QualityAI

/// A UTC time given on the command line as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
struct TimeArgument: ExpressibleByArgument, Sendable {
    /// Seconds since the epoch (UTC).
    let seconds: Int64
    /// Whether only a date was given (a whole day).
    let isDate: Bool
    let text: String

    init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        guard let seconds = VendorTimestamp.parse(trimmed) else { return nil }
        self.seconds = seconds
        self.isDate = trimmed.count == 10
        self.text = trimmed
    }

    static var defaultValueDescription: String { "YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\" (UTC)" }
}

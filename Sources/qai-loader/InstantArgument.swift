import ArgumentParser
import Foundation

/// A UTC instant given on the command line as `YYYY-MM-DD`, `"YYYY-MM-DD HH:MM:SS"` or epoch
/// seconds.
struct InstantArgument: ExpressibleByArgument, Sendable {
    /// Seconds since the epoch (UTC).
    let seconds: Int64

    init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit), let seconds = Int64(trimmed) {
            self.seconds = seconds
        } else if let time = TimeArgument(argument: trimmed) {
            seconds = time.seconds
        } else {
            return nil
        }
    }

    static var defaultValueDescription: String {
        "YYYY-MM-DD, \"YYYY-MM-DD HH:MM:SS\" (UTC) or epoch seconds"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

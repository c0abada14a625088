import ArgumentParser
import Foundation

/// Resolves settings the one way every command does: the flag, else the environment, else the
/// settings file (``EnvironmentSettings``), else the catalog's default. Each value is checked
/// whatever its source, with a message naming both the flag and the variable (`--writers /
/// QAI_WRITERS must be a whole number between 1 and 16, not '40'`), and kept in ``effective``.
struct SettingsResolver {
    /// The environment and the settings file.
    let settings: EnvironmentSettings
    /// The effective value of each setting resolved so far, by name (secrets too: never log it).
    private(set) var effective: [String: String] = [:]

    init(_ settings: EnvironmentSettings) {
        self.settings = settings
    }

    /// The setting's text: the flag's, else the environment's or the file's, else the default.
    mutating func text(_ setting: Setting, flag: String?) -> String? {
        let value = flag ?? settings.value(setting.name) ?? setting.defaultValue
        effective[setting.name] = value
        return value
    }

    /// A secret: the flag, else `NAME`, else the file `NAME_FILE` names, else the default.
    mutating func secret(_ setting: Setting, flag: String? = nil) throws -> String? {
        let value = try flag ?? settings.secret(setting.name) ?? setting.defaultValue
        effective[setting.name] = value
        return value
    }

    /// A list: the flag's values (repeated or comma-separated), else the setting's comma-separated
    /// text, blanks dropped; empty when none.
    mutating func list(_ setting: Setting, flag: [String]) -> [String] {
        let text = flag.isEmpty ? settings.value(setting.name) ?? setting.defaultValue : flag.joined(separator: ",")
        let items = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        effective[setting.name] = items.isEmpty ? nil : items.joined(separator: ",")
        return items
    }

    /// A whole number within `range`.
    mutating func integer(_ setting: Setting, flag: Int?, in range: ClosedRange<Int>) throws -> Int? {
        let form =
            range.upperBound == .max
            ? "a whole number of \(range.lowerBound) or more"
            : "a whole number between \(range.lowerBound) and \(range.upperBound)"
        return try parsed(setting, flag: flag.map(String.init), form: form, describe: String.init) { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// A finite number within `range`.
    mutating func number(_ setting: Setting, flag: Double?, in range: ClosedRange<Double>) throws -> Double? {
        let form =
            range.upperBound == .greatestFiniteMagnitude
            ? "a number of \(Self.text(range.lowerBound)) or more"
            : "a number between \(Self.text(range.lowerBound)) and \(Self.text(range.upperBound))"
        return try parsed(setting, flag: flag.map(Self.text), form: form, describe: Self.text) { text in
            Double(text).flatMap { $0.isFinite && range.contains($0) ? $0 : nil }
        }
    }

    /// `true`, `1`, `yes`, `on` or `false`, `0`, `no`, `off` (any case).
    mutating func boolean(_ setting: Setting, flag: Bool?) throws -> Bool? {
        try parsed(setting, flag: flag.map { String($0) }, form: "true or false", describe: { String($0) }) { text in
            switch text.lowercased() {
            case "true", "1", "yes", "on": true
            case "false", "0", "no", "off": false
            default: nil
            }
        }
    }

    /// One of the cases of `Choice`, by its raw value.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ setting: Setting, flag: Choice?) throws
        -> Choice?
    where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        let form = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        return try parsed(setting, flag: flag?.rawValue, form: form, describe: \.rawValue) { Choice(rawValue: $0) }
    }

    /// A UTC time, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    mutating func time(_ setting: Setting, flag: TimeArgument?) throws -> TimeArgument? {
        try parsed(setting, flag: flag?.text, form: "YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\" (UTC)", describe: \.text) {
            TimeArgument(argument: $0)
        }
    }

    /// The setting's text read as `parse` reads it; a value it refuses names the setting, the
    /// valid form and (unless secret) the value.
    private mutating func parsed<T>(
        _ setting: Setting, flag: String?, form: String, describe: (T) -> String, parse: (String) -> T?
    ) throws -> T? {
        guard let text = flag ?? settings.value(setting.name) ?? setting.defaultValue else {
            effective[setting.name] = nil
            return nil
        }
        guard let value = parse(text) else {
            throw ValidationError("\(setting.label) must be \(form)\(setting.isSecret ? "" : ", not '\(text)'")")
        }
        effective[setting.name] = describe(value)
        return value
    }

    /// `5` for 5.0, `0.05` for 0.05.
    private static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

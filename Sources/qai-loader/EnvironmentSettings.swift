import ArgumentParser
import Foundation

/// Reads settings from the environment: plain values, secrets from `NAME` or the file named by
/// `NAME_FILE`, and typed values whose errors name the variable and the valid form.
struct EnvironmentSettings {
    let environment: [String: String]

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// The variable's value, nil when unset or empty.
    func value(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A secret from `name`, or from the file `name_FILE` points at (trailing newline removed).
    func secret(_ name: String) throws -> String? {
        if let direct = value(name) { return direct }
        guard let path = value(name + "_FILE") else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("\(name)_FILE: cannot read \(path); give a readable file holding the secret")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ValidationError("\(name)_FILE: \(path) is empty") }
        return secret
    }

    func integer(_ name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), number >= 0 else {
            throw ValidationError("\(name) must be a whole number of 0 or more, not '\(text)'")
        }
        return number
    }

    func boolean(_ name: String) throws -> Bool? {
        guard let text = value(name)?.lowercased() else { return nil }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ValidationError("\(name) must be true or false, not '\(text)'")
        }
    }
}

import ArgumentParser
import Foundation

/// The outcome of one `qai-loader check` item: a line saying what was checked and, when it
/// failed, a line saying what to do. Never holds a secret.
struct CheckResult: Sendable, Equatable {
    enum Outcome: String, Sendable {
        case ok, fail = "FAIL", skip
        /// Checked, not needed for what was asked: printed, never a failure.
        case info
    }

    /// Why a check failed, which decides the exit code.
    enum Failure: Sendable {
        /// A setting is missing or malformed (exit 64).
        case configuration
        /// The database or API could not be reached (exit 69 when nothing else failed).
        case unreachable
        /// Reached, but refused or not ready: credentials, rights, schema (exit 1).
        case refused
    }

    var area: String
    var name: String
    var outcome: Outcome
    var detail: String
    var advice: String?
    var failure: Failure?

    static func ok(_ area: String, _ name: String, _ detail: String) -> CheckResult {
        CheckResult(area: area, name: name, outcome: .ok, detail: detail)
    }

    static func fail(_ area: String, _ name: String, _ detail: String, advice: String?, failure: Failure)
        -> CheckResult
    {
        CheckResult(area: area, name: name, outcome: .fail, detail: detail, advice: advice, failure: failure)
    }

    /// A failure from an error whose description may end in `\nWhat to do: ...` (the database and
    /// warehouse errors do); the rest becomes one line.
    static func fail(_ area: String, _ name: String, error: any Error, failure: Failure) -> CheckResult {
        let parts = "\(error)".components(separatedBy: "\nWhat to do: ")
        let detail = parts[0].split(whereSeparator: \.isNewline).joined(separator: " ")
        return .fail(area, name, detail, advice: parts.count > 1 ? parts[1] : nil, failure: failure)
    }

    /// A finding that is not a failure (a right the requested commands do not need).
    static func info(_ area: String, _ name: String, _ detail: String) -> CheckResult {
        CheckResult(area: area, name: name, outcome: .info, detail: detail)
    }

    static func skip(_ area: String, _ name: String, _ reason: String) -> CheckResult {
        CheckResult(area: area, name: name, outcome: .skip, detail: "not checked: \(reason)")
    }

    /// `ok    database: connect: ...` plus an indented `what to do:` line after a failure.
    var lines: [String] {
        let label = outcome.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)
        var lines = ["\(label)  \(area): \(name): \(detail)"]
        if outcome == .fail, let advice { lines.append("      what to do: \(advice)") }
        return lines
    }

    /// The exit code for a set of results: nil when none failed; 64 when a setting is invalid;
    /// 69 when the only failures are an unreachable database or API; 1 otherwise.
    static func exitCode(_ results: [CheckResult]) -> ExitCode? {
        let failures = results.compactMap { $0.outcome == .fail ? ($0.failure ?? .refused) : nil }
        guard !failures.isEmpty else { return nil }
        if failures.contains(.configuration) { return ExitStatus.usage }
        if failures.allSatisfy({ $0 == .unreachable }) { return ExitStatus.unavailable }
        return ExitStatus.failure
    }
}

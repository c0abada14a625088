import Foundation

/// A row of the reliability suite's table. Each scenario test prints one line when it ends,
/// `qai-scenario|name|runs|result|rows lost|rows duplicated`, and `.ci/reliability` (or `.ci/run`)
/// gathers the lines of a `swift test` log into the table.
public enum ScenarioReport {
    /// Prints the scenario's line; `passed` is false when its comparison found a difference.
    public static func record(_ scenario: String, runs: Int, passed: Bool, lost: Int, duplicated: Int) {
        let result = passed && lost == 0 && duplicated == 0 ? "pass" : "FAIL"
        print("qai-scenario|\(scenario)|\(runs)|\(result)|\(lost)|\(duplicated)")
    }
}

/// How big the reliability scenarios run: `small` (the default, what `swift test` and CI run) or
/// `full` (`QAI_RELIABILITY_SCALE=full`, what `.ci/reliability` runs).
public enum ReliabilityScale: String, Sendable {
    case small
    case full

    /// The scale in force for this test process.
    public static let current: ReliabilityScale =
        ProcessInfo.processInfo.environment["QAI_RELIABILITY_SCALE"].flatMap(ReliabilityScale.init(rawValue:))
        ?? .small

    /// `small` at the small scale, `full` at the full one.
    public func pick<T>(small: T, full: T) -> T {
        self == .small ? small : full
    }
}

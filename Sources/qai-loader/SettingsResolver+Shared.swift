/// The settings several commands take, resolved in one place so each means the same in all of them.
extension SettingsResolver {
    /// `--slice-hours` / `QAI_SLICE_HOURS` (`sync`, `backfill`, `verify`): hours per slice, at least 1.
    mutating func sliceHours(flag: Int?) throws -> Int {
        try integer(.sliceHours, flag: flag, in: 1...Int.max) ?? 24
    }

    /// `--concurrency` / `QAI_CONCURRENCY` (`sync`, `backfill`, `verify`): slices fetched (or
    /// compared) at the same time, at least 1.
    mutating func concurrency(flag: Int?) throws -> Int {
        try integer(.concurrency, flag: flag, in: 1...Int.max) ?? 4
    }

    /// `--writers` / `QAI_WRITERS` (`sync`, `backfill`): database connections loading at the same
    /// time, 1 to 16.
    mutating func writers(flag: Int?) throws -> Int {
        try integer(.writers, flag: flag, in: 1...16) ?? 2
    }

    /// `--lookback-days` / `QAI_LOOKBACK_DAYS` (`sync`, `status`): days of the lookback window, 0 or more.
    mutating func lookbackDays(flag: Int?) throws -> Int {
        try integer(.lookbackDays, flag: flag, in: 0...Int.max) ?? 14
    }
}

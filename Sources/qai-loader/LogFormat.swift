import ArgumentParser

/// How log lines are written to standard error.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `2026-11-25T04:00:00Z info qai-loader: migration.applied migration.file=0001_star_schema.sql`
    case text
    /// One JSON object per line, for a job runner's log collector.
    case json
}

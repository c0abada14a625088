import ArgumentParser
import Foundation
import Postgres
import Warehouse

/// `qai-loader status`: last runs, watermark and lag per stream, lookback coverage, counts and
/// rejected records, as a table or as JSON.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show the last runs, each stream's watermark, lag and lookback coverage, counts and rejected records.",
        discussion: """
            --json prints one object with these keys (always present, null when unknown; times ISO 8601 UTC, \
            durations in seconds): schema, schema_version, generated_at; runs[] and running[] (run_id, command, \
            status, started_at, finished_at, duration_seconds, fetched, inserted, updated, unchanged, rejected, \
            requests, retries, rate_limited, type_drift {field: count}, type_drift_total, error, host, pid, \
            alive); streams[] (stream_id, watermark, \
            lag_seconds, lookback_cursor, lookback {days, window_start, window_end, swept_within_days, \
            covered_seconds, fraction}, last_slice_completed_at, conversations, covered_from, covered_to, \
            gaps[] {from, to, seconds}, resweep[] {day, last_swept_at, reason}, paging {model, max_offset, \
            learned_at}: how the API pages the stream, when a run had to learn it); conversations {total, \
            by_audit_status}; rejected {run_ids, total, reasons[] {reason, count}}; budgets[] (account_id, \
            requests_in_window, paused_until, paused, pause_reason: each API account's request budget shared \
            through the warehouse). \
            Exit code 65 when the schema is not migrated (run qai-loader migrate); with --check, exit code 3 \
            when any stream's coverage has a gap (for a job runner's health step).
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON for scripts instead of tables.")
    var json = false

    @Option(help: "How many recent runs to list (their rejected records are counted).")
    var runs = 10

    @Option(help: "Days of lookback window to report coverage for. Env: QAI_LOOKBACK_DAYS. Default 14.")
    var lookbackDays: Int?

    @Option(
        help: """
            A lookback slice counts as covered when it was loaded within this many days (at least 1). \
            Env: QAI_SWEPT_WITHIN_DAYS. Default 2.
            """)
    var sweptWithinDays: Int?

    @Flag(help: "Exit with code 3 when any stream's coverage has a gap (a health check for job runners).")
    var check = false

    func validate() throws {
        guard runs >= 0 else { throw ValidationError("--runs must not be negative") }
    }

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        let logger = resolved.log.makeLogger()
        let reader = StatusReader(
            schema: resolved.schema, recentRuns: runs, lookbackDays: resolved.lookbackDays,
            sweptWithinDays: resolved.sweptWithinDays)
        try await CommandRunner.run(logger: logger) {
            let status = try await Connection.withConnection(resolved.database, logger: logger) {
                try await reader.read(on: $0)
            }
            print(json ? try Self.json(status) : Self.text(status))
            if check, status.streams.contains(where: { !$0.gaps.isEmpty }) { throw ExitStatus.incomplete }
        }
    }

    /// The report as pretty-printed JSON with sorted keys.
    static func json(_ status: WarehouseStatus) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(status), as: UTF8.self)
    }

    /// The report as tables for people.
    static func text(_ status: WarehouseStatus) -> String {
        var lines = [
            "Warehouse schema \(status.schema) (migration \(status.schemaVersion)) at \(time(status.generatedAt))"
        ]
        lines.append("")
        if status.runs.isEmpty {
            lines.append(
                "No runs yet: load data with 'qai-loader backfill --from DATE --to DATE' or 'qai-loader sync'.")
        } else {
            lines.append("Last runs:")
            var table = [
                [
                    "run", "command", "status", "started", "took", "fetched", "inserted", "updated", "unchanged",
                    "rejected", "requests", "retries", "429s",
                ]
            ]
            for run in status.runs {
                table.append(
                    [
                        "\(run.runId)", run.command.rawValue, run.status.rawValue, time(run.startedAt),
                        duration(run.durationSeconds),
                    ] + [run.fetched, run.inserted, run.updated, run.unchanged, run.rejected].map(String.init)
                        + [run.requests, run.retries, run.rateLimited].map(String.init))
            }
            lines += layout(table, rightAligned: 5...)
            for run in status.runs { if let error = run.error { lines.append("  run \(run.runId) error: \(error)") } }
            for run in status.runs where run.typeDriftTotal > 0 { lines.append(driftLine(run)) }
        }
        for run in status.running {
            let state =
                run.alive == false
                ? "its process is gone; the next sync or backfill marks it failed" : "still running"
            lines.append(
                "Running: run \(run.runId) (\(run.command)) since \(time(run.startedAt)) on \(run.host ?? "?") "
                    + "pid \(run.pid.map(String.init) ?? "?"): \(state).")
        }
        lines.append("")
        lines += streamLines(status.streams)
        lines += StatusCoverageText.lines(status.streams)
        for stream in status.streams {
            guard let paging = stream.paging else { continue }
            let cap = paging.maxOffset.map { ", offsets up to \($0)" } ?? ""
            lines.append(
                "Paging of \(stream.streamId): by \(paging.model)\(cap) (learned \(time(paging.learnedAt)))")
        }
        lines.append("")
        lines.append("Conversations: \(status.conversations.total)\(breakdown(status.conversations))")
        lines.append(rejectedLine(status.rejected))
        lines += budgetLines(status.budgets)
        return lines.joined(separator: "\n")
    }

    private static func streamLines(_ streams: [StreamStatus]) -> [String] {
        guard !streams.isEmpty else { return ["Streams: none loaded yet."] }
        var table = [["stream", "watermark", "lag", "lookback covered", "lookback cursor", "conversations"]]
        for stream in streams {
            let coverage = stream.lookback.map {
                String(format: "%.1f%% of %d d (swept within %d d)", $0.fraction * 100, $0.days, $0.sweptWithinDays)
            }
            table.append([
                stream.streamId, stream.watermark.map(time) ?? "-",
                stream.lagSeconds.map { duration(Double($0)) } ?? "-", coverage ?? "-",
                stream.lookbackCursor.map(time) ?? "-", "\(stream.conversations.total)",
            ])
        }
        return ["Streams:"] + layout(table, rightAligned: 5...)
    }

    /// `  run 7 type drift: 3 values not readable as their type (koreEvaluationScore 2, ...)`.
    private static func driftLine(_ run: RunStatus) -> String {
        let fields = run.typeDrift.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return "  run \(run.runId) type drift: \(run.typeDriftTotal) values not readable as their type ("
            + fields.joined(separator: ", ") + ")"
    }

    private static func breakdown(_ counts: ConversationCounts) -> String {
        guard !counts.byAuditStatus.isEmpty else { return "" }
        let parts = counts.byAuditStatus.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            "\($0.key) \($0.value)"
        }
        return " (audit status: " + parts.joined(separator: ", ") + ")"
    }

    private static func rejectedLine(_ rejected: RejectedSummary) -> String {
        guard rejected.total > 0 else { return "Rejected records in these runs: none." }
        let reasons = rejected.reasons.map { "\($0.count) x \($0.reason)" }.joined(separator: "; ")
        return "Rejected records in these runs: \(rejected.total) (see etl_rejected): \(reasons)"
    }

    /// `Request budget (shared by every process of an account): ...`, one line per account.
    private static func budgetLines(_ budgets: [AccountBudgetStatus]) -> [String] {
        guard !budgets.isEmpty else { return [] }
        return ["Request budget in use (all processes of an account, last minute):"]
            + budgets.map { budget in
                var line = "  account \(budget.accountId): \(budget.requestsInWindow) requests"
                if let until = budget.pausedUntil {
                    line +=
                        budget.paused
                        ? "; paused until \(time(until)) (\(budget.pauseReason ?? "429"))"
                        : "; last paused until \(time(until)) (\(budget.pauseReason ?? "429"))"
                }
                return line
            }
    }

    /// Pads the cells of `rows` into columns, indented by two spaces.
    static func layout(_ rows: [[String]], rightAligned: PartialRangeFrom<Int>) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }
            var line = "  " + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// An epoch second as ISO 8601 for the report.
    static func time(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
    }

    /// `42s`, `3m 12s`, `7h 22m`, `2d 3h`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 0 { return "-" + duration(Double(-total)) }
        switch total {
        case ..<60: return "\(total)s"
        case ..<3_600: return "\(total / 60)m \(total % 60)s"
        case ..<86_400: return "\(total / 3_600)h \(total % 3_600 / 60)m"
        default: return "\(total / 86_400)d \(total % 86_400 / 3_600)h"
        }
    }
}

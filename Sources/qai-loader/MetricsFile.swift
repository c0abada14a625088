import Foundation
import Warehouse

/// Writes a run's figures for node_exporter's textfile collector (`--metrics-file PATH`): the
/// metrics of ``RunMetrics`` in the Prometheus text format, written to `PATH.tmp` and renamed over
/// `PATH`, so the collector never reads half a file. Give each command its own file. After a
/// failure, `qai_loader_last_success_timestamp_seconds` is carried over from the previous file.
enum MetricsFile {
    /// Writes the figures of a run that finished (`succeeded` or `partial`).
    static func write(
        summary: RunSummary, command: RunCommand, gaps: [String: [Coverage.Range]] = [:], to path: String,
        now: Date = Date()
    ) throws {
        try replace(path, with: RunMetrics.finished(summary: summary, command: command, gaps: gaps, now: now).render())
    }

    /// Writes a failed run: success 0, the failure's kind, and the previous file's last success time.
    static func writeFailure(command: RunCommand, error: any Error, to path: String, now: Date = Date()) throws {
        let metrics = RunMetrics.failed(
            command: command, error: error, lastSuccess: lastSuccess(command: command, in: path), now: now)
        try replace(path, with: metrics.render())
    }

    /// The `last_success_timestamp_seconds` of `command` in an earlier file at `path`.
    static func lastSuccess(command: RunCommand, in path: String) -> Double? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let prefix = "qai_loader_last_success_timestamp_seconds{command=\"\(command)\"} "
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Double(line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
    }

    /// Writes `bytes` to `path.tmp`, then renames it over `path`.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".tmp"
        do {
            try Data(bytes).write(to: URL(filePath: temporary))
        } catch {
            throw MetricsFileError(path: path, reason: "cannot write \(temporary) (\(error.localizedDescription))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw MetricsFileError(path: path, reason: "cannot rename \(temporary) to it (\(reason))")
        }
    }
}

/// The metrics file could not be written.
struct MetricsFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String {
        "could not write the metrics file \(path): \(reason). What to do: make sure its directory exists and the "
            + "loader's user may write there (for node_exporter: its --collector.textfile.directory)"
    }
}

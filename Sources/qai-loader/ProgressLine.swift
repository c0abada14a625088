import Foundation
import Warehouse

/// A one-line progress display on standard error, only when it is a terminal (never in a job
/// runner's log).
enum ProgressLine {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    @Sendable static func draw(_ progress: SyncProgress) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8))
    }

    static func clear() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

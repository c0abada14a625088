import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fault-injection switch for the crash tests (`Tests/CrashTests`); inert otherwise.
///
/// The points sit where a `kill -9` is most likely to hurt. Setting `QAI_CRASH_AT=name` (or
/// `name:N`, the N-th time that point is reached; N defaults to 1) makes the process write one
/// line naming the point to standard error and send itself SIGKILL there: no `defer`, no
/// rollback, no flush, exactly as `kill -9` from outside. The variable is read once; when it is
/// unset, `reach` costs one comparison and never stops the process.
public enum CrashPoint: String, Sendable, CaseIterable {
    /// After a slice is fetched, before it joins a batch.
    case fetched
    /// Inside a batch's transaction, before the staging COPY.
    case beforeCopy = "before-copy"
    /// After the staging COPY, before the merge.
    case beforeMerge = "before-merge"
    /// Between the merge's statements (reached before each of them).
    case midMerge = "mid-merge"
    /// Before the checkpoint rows (`etl_slice`, `etl_watermark`).
    case beforeCheckpoint = "before-checkpoint"
    /// Just before COMMIT.
    case beforeCommit = "before-commit"
    /// Right after COMMIT.
    case afterCommit = "after-commit"
    /// Before the run's final `etl_run` update.
    case beforeFinish = "before-finish"

    /// Marks this point; kills the process when `QAI_CRASH_AT` selects this occurrence of it.
    public func reach() {
        guard let target = Self.target, target.name == rawValue else { return }
        let occurrence = Self.reached.add(1, ordering: .relaxed).newValue
        guard occurrence == target.occurrence else { return }
        let line = "qai-loader: crash point \(rawValue):\(occurrence) reached, sending SIGKILL\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        kill(getpid(), SIGKILL)
    }

    /// The point and occurrence `QAI_CRASH_AT` names, read once; nil when unset or empty.
    static let target: Target? = getenv("QAI_CRASH_AT").flatMap { Target(parsing: String(cString: $0)) }

    /// How often the selected point has been reached.
    private static let reached = Atomic<Int>(0)

    /// A point name and the 1-based occurrence that kills.
    struct Target: Equatable {
        var name: String
        var occurrence: Int

        /// Reads `name` or `name:N` (N >= 1); nil for an empty name.
        init?(parsing text: String) {
            var name = Substring(text)
            var occurrence = 1
            if let colon = text.lastIndex(of: ":"), let number = Int(text[text.index(after: colon)...]), number >= 1 {
                name = text[..<colon]
                occurrence = number
            }
            guard !name.isEmpty else { return nil }
            self.name = String(name)
            self.occurrence = occurrence
        }
    }
}

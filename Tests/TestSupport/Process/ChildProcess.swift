import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program started with `posix_spawn`, its standard output and error going to temporary files.
/// Waiting polls `waitpid(WNOHANG)` with short sleeps, so no thread of the cooperative pool blocks.
public struct ChildProcess: Sendable {
    /// How a process ended.
    public enum Ending: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(let signal): "signal \(signal)\(signal == SIGKILL ? " (SIGKILL)" : "")"
            }
        }
    }

    /// A finished process: how it ended and what it printed.
    public struct Finished: Sendable {
        public var ending: Ending
        public var output: String
        public var errors: String

        /// Both streams, for failure messages (the tail, where the error is).
        public var transcript: String {
            "stdout:\n\(output.suffix(1_500))\nstderr:\n\(errors.suffix(2_500))"
        }
    }

    public let pid: pid_t
    public let command: String
    private let outputPath: String
    private let errorPath: String

    /// Starts `executable` with exactly `environment`; standard input is /dev/null.
    public static func launch(_ executable: String, _ arguments: [String], environment: [String: String]) throws
        -> ChildProcess
    {
        let stem = NSTemporaryDirectory() + "qai-child-\(UUID().uuidString.prefix(8))"
        let (outputPath, errorPath) = (stem + ".out", stem + ".err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv + [nil], envp + [nil])
        guard status == 0 else {
            throw ChildProcessError("could not start \(executable): \(String(cString: strerror(status)))")
        }
        let command = ([URL(filePath: executable).lastPathComponent] + arguments).joined(separator: " ")
        return ChildProcess(pid: pid, command: command, outputPath: outputPath, errorPath: errorPath)
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Whether the process has not been reaped yet (it may be a zombie).
    public var isRunning: Bool { kill(pid, 0) == 0 }

    /// Waits for the end of the process. A process still running after `limit` is killed and
    /// reported as an error, so a hung loader fails the test instead of hanging it.
    public func wait(limit: Duration = .seconds(120)) async throws -> Finished {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var status: Int32 = 0
        var killedForHanging = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR {
                throw ChildProcessError("waitpid failed for \(command): \(String(cString: strerror(errno)))")
            }
            if !killedForHanging && clock.now > deadline {
                kill(pid, SIGKILL)
                killedForHanging = true
            }
            try? await Task.sleep(for: .milliseconds(15))
        }
        let finished = Finished(ending: Self.ending(status), output: read(outputPath), errors: read(errorPath))
        unlink(outputPath)
        unlink(errorPath)
        if killedForHanging {
            throw ChildProcessError("\(command) still ran after \(limit) and was killed\n\(finished.transcript)")
        }
        return finished
    }

    private static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}

/// A failure to start or wait for a child process.
public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

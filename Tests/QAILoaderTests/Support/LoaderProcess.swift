import Foundation
import TestSupport
import Testing

/// What a run of the built `qai-loader` binary printed and how it exited.
struct LoaderOutput: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    /// Both streams, for searching.
    var all: String { stdout + "\n" + stderr }
}

/// Runs the `qai-loader` binary that `swift build` / `swift test` built next to the test bundle,
/// with only the environment the test gives (plus PATH and HOME), and without blocking a thread.
enum LoaderProcess {
    /// The binary's path; fails the test with what to do when it has not been built.
    static func binary() throws -> URL {
        let executable = URL(filePath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [executable.deletingLastPathComponent().appending(path: "qai-loader")]
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appending(path: ".build/debug/qai-loader"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw LoaderMissing(searched: candidates.map(\.path))
        }
        return found
    }

    /// Runs the built `qai-loader` with `arguments`.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> LoaderOutput {
        try await run(executable: try binary(), arguments, environment: environment)
    }

    /// Runs any program, capturing its output through files (no pipe can fill up and block it).
    static func run(executable: URL, _ arguments: [String], environment: [String: String]) async throws
        -> LoaderOutput
    {
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent"]
        base.merge(environment) { _, new in new }
        let process = try ChildProcess.launch(executable.path, arguments, environment: base)
        let finished = try await process.wait(limit: .seconds(900))
        let exitCode: Int32
        switch finished.ending {
        case .exited(let code): exitCode = code
        case .signalled(let signal): exitCode = signal
        }
        return LoaderOutput(exitCode: exitCode, stdout: finished.output, stderr: finished.errors)
    }
}

/// The binary was not built.
struct LoaderMissing: Error, CustomStringConvertible {
    var searched: [String]

    var description: String {
        "the qai-loader binary was not found (looked at \(searched.joined(separator: ", "))): build it with "
            + "'swift build' (swift test builds it too) before running QAILoaderTests"
    }
}

import Foundation
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
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent"]
        base.merge(environment) { _, new in new }
        process.environment = base
        let directory = FileManager.default.temporaryDirectory.appending(path: "qai-loader-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appending(path: "stdout")
        let errURL = directory.appending(path: "stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return LoaderOutput(
            exitCode: status, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
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

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a helper program to completion with `posix_spawn` + `waitpid` and returns its output; a
/// non-zero exit throws a `ClusterError` with that output. Output goes through a temporary file,
/// not a pipe, because a server the program starts (pg_ctl start) inherits and keeps descriptors.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "qai-run-\(UUID().uuidString).log"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv + [nil], environ)
        guard spawned == 0 else {
            throw ClusterError(message: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = readTextFile(outputPath)
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exitCode == 0 else {
            throw ClusterError(
                message: "\(executable) \(arguments.joined(separator: " ")) exited with \(exitCode): "
                    + text.suffix(2000))
        }
        return text
    }

    /// Reads a small text file with POSIX calls. (Foundation's `String(contentsOfFile:)` leaks a
    /// buffer on this toolchain, which AddressSanitizer's leak check reports.)
    static func readTextFile(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4096) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

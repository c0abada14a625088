import Foundation

/// Runs a helper program to completion and returns its standard output; a non-zero exit throws
/// a `ClusterError` with the program's output.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(filePath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(filePath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ClusterError(
                message: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): "
                    + text.suffix(2000))
        }
        return text
    }
}

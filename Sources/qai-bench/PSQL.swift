import Foundation
import Postgres

/// Runs `psql` for the COPY baselines.
enum PSQL {
    static func copy(database: DatabaseConfiguration, table: String, columns: [String], file: String) throws {
        try run(database: database, commands: ["\\copy \(table) (\(columns.joined(separator: ", "))) FROM '\(file)'"])
    }

    /// Runs `commands` (SQL or backslash commands, one `-c` each) in one psql process; stops at
    /// the first error.
    static func run(database: DatabaseConfiguration, commands: [String]) throws {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments =
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.connectionString]
            + commands.flatMap { ["-c", $0] }
        process.standardOutput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["PGOPTIONS"] = "-c client_min_messages=warning"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationErrorText("psql failed with status \(process.terminationStatus)")
        }
    }
}

/// A plain error message for benchmark failures.
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import Foundation
import Postgres

/// Runs `psql \copy` for the COPY benchmark's baseline.
enum PSQL {
    static func copy(database: DatabaseConfiguration, table: String, columns: [String], file: String) throws {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        let command = "\\copy \(table) (\(columns.joined(separator: ", "))) FROM '\(file)'"
        process.arguments = [
            "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.connectionString, "-c", command,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationErrorText("psql \\copy failed with status \(process.terminationStatus)")
        }
    }
}

/// A plain error message for benchmark failures.
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

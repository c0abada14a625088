import ArgumentParser
import Foundation
import Logging
import Postgres
import QualityAI
import Warehouse

/// Runs a command's work and turns its errors into one clear message and a documented exit code.
enum CommandRunner {
    static func run(logger: Logger, _ work: () async throws -> Void) async throws {
        try await catching(work)
    }

    /// Runs `work`, printing a known error once and turning it into its exit code.
    static func catching<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as APIError {
            printError("\(error)")
            switch error.code {
            case .configuration: throw ExitStatus.usage
            case .transport, .timeout: throw ExitStatus.unavailable
            default: throw ExitStatus.failure
            }
        } catch let error as PostgresError {
            printError("\(error)")
            let unreachable =
                (error.code == .connectionFailed && !error.isAuthenticationFailure) || error.code == .connectionClosed
            throw unreachable ? ExitStatus.unavailable : ExitStatus.failure
        } catch let error as WarehouseError {
            printError("\(error)")
            switch error.code {
            case .databaseNewer, .migrationEdited, .schemaOutdated: throw ExitStatus.schemaMismatch
            case .lockHeld, .lockConflict: throw ExitStatus.locked
            case .unknownStream, .citusMissing: throw ExitStatus.usage
            default: throw ExitStatus.failure
            }
        }
    }

    static func printError(_ message: String) {
        var standardError = StandardError()
        print("error: \(message)", to: &standardError)
    }
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

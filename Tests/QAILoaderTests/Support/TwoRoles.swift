import Foundation
import Postgres

/// `deploy/postgres/two-roles.sql`, run with psql exactly as deploy/README.md says, for roles with
/// names of the test's own (roles are shared by every database of the test server).
struct TwoRoles {
    let owner: String
    let loader: String

    init() {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        owner = "qai_owner_\(suffix)"
        loader = "qai_loader_\(suffix)"
    }

    /// The file the README shows.
    static let script = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "deploy/postgres/two-roles.sql")

    /// Runs the file on `database` as its administrator for `schema`; throws with psql's output when it fails.
    func apply(on database: DatabaseConfiguration, schema: String = "qai") async throws {
        let output = try await LoaderProcess.run(
            executable: try Self.psql(),
            [
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", "owner=\(owner)", "-v", "loader=\(loader)",
                "-v", "schema=\(schema)", "-d", database.connectionString, "-f", Self.script.path,
            ],
            environment: [:])
        guard output.exitCode == 0 else { throw ScriptFailed(output: output.all) }
    }

    /// Gives both roles `password`, so they can log in to the test server.
    func setPasswords(_ password: String, on database: DatabaseConfiguration) async throws {
        for role in [owner, loader] {
            try await Fixture.execute(
                "ALTER ROLE \(try Identifier(role).quoted) PASSWORD '\(password)'", on: database)
        }
    }

    /// psql from PATH, else from the server's bin directory.
    static func psql() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { "\($0)/psql" }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        candidates += versions.sorted().reversed().map { "\(root)/\($0)/bin/psql" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ScriptFailed(output: "psql was not found: install it with 'apt-get install -y postgresql-client'")
        }
        return URL(filePath: found)
    }

    struct ScriptFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "deploy/postgres/two-roles.sql failed: \(output)" }
    }
}

import Foundation
import Logging
import Postgres
import Warehouse

/// The database part of `qai-loader check`: connect, rights per command group, schema version.
struct DatabaseChecks {
    static let names = ["connect"] + RightsGroup.allCases.map(RightsCheck.name) + ["schema version"]

    let configuration: DatabaseConfiguration
    let schema: Identifier
    /// The command groups whose rights must be there (`check --for`).
    let required: Set<RightsGroup>
    let logger: Logger

    func run() async -> [CheckResult] {
        let connection: Connection
        do {
            connection = try await Connection.connect(configuration, logger: logger)
        } catch {
            let skipped = Self.names.dropFirst().map { CheckResult.skip("database", $0, "no connection") }
            return [Self.connectFailure(error)] + skipped
        }
        let version = await connection.serverVersion
        var results = [
            CheckResult.ok("database", "connect", "PostgreSQL \(version / 10_000).\(version % 10_000) reached")
        ]
        do {
            let rights = try await DatabaseRights.read(schema: schema, on: connection)
            results += RightsCheck(rights: rights, required: required).results
        } catch {
            results.append(.fail("database", "rights", error: error, failure: .refused))
        }
        results.append(await schemaVersion(on: connection))
        await connection.close()
        return results
    }

    /// A failed connection: libpq's message and the layer's advice; refused or unreachable.
    static func connectFailure(_ error: PostgresError) -> CheckResult {
        let text = error.message.lowercased()
        let unreachable = [
            "connection refused", "could not translate host name", "timeout expired", "network is unreachable",
            "no route to host", "no such file or directory",
        ].contains { text.contains($0) }
        var result = CheckResult.fail(
            "database", "connect", error: error, failure: unreachable ? .unreachable : .refused)
        result.advice = result.advice ?? "check --database-url / DATABASE_URL (or PGHOST, PGPORT, PGUSER)"
        return result
    }

    /// Whether the schema is at the version this binary expects.
    private func schemaVersion(on connection: Connection) async -> CheckResult {
        let migrator = Migrator(schema: schema)
        do {
            try await migrator.verifyCurrent(connection)
            let version = migrator.migrations.last?.version ?? 0
            return .ok("database", "schema version", "schema \(schema.name) is at migration \(version), as expected")
        } catch {
            return .fail("database", "schema version", error: error, failure: .refused)
        }
    }
}

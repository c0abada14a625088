import Foundation
import Logging
import Postgres
import Warehouse

/// The database part of `qai-loader check`: connect, rights on the schema, schema version.
struct DatabaseChecks {
    static let names = ["connect", "rights", "schema version"]

    let configuration: DatabaseConfiguration
    let schema: Identifier
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
            results.append(Self.rights(try await DatabaseRights.read(schema: schema, on: connection), schema))
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

    /// Whether the role may create in the schema, use temporary tables, write every table and run
    /// the schema's functions.
    static func rights(_ rights: DatabaseRights, _ schema: Identifier) -> CheckResult {
        let role = rights.user
        guard !rights.isSufficient else {
            let detail =
                rights.schemaExists
                ? "role \(role) can create in schema \(schema.name), create temporary tables, and read and write "
                    + "its \(rights.tableCount) tables"
                : "schema \(schema.name) does not exist yet; role \(role) may create it and temporary tables"
            return .ok("database", "rights", detail)
        }
        var lacking: [String] = []
        var grants: [String] = []
        let quotedRole = (try? Identifier(role).quoted) ?? role
        if !rights.canCreate {
            if rights.schemaExists {
                lacking.append("cannot create in schema \(schema.name)")
                grants.append("GRANT USAGE, CREATE ON SCHEMA \(schema.quoted) TO \(quotedRole)")
            } else {
                lacking.append("cannot create schema \(schema.name) in database \(rights.database)")
                grants.append(
                    "GRANT CREATE ON DATABASE \((try? Identifier(rights.database).quoted) ?? "") TO \(quotedRole)")
            }
        }
        if !rights.canUseTemporaryTables {
            lacking.append("cannot create temporary tables (staging needs them)")
            grants.append(
                "GRANT TEMPORARY ON DATABASE \((try? Identifier(rights.database).quoted) ?? "") TO \(quotedRole)")
        }
        if !rights.tablesWithoutReadWrite.isEmpty {
            let list = rights.tablesWithoutReadWrite.prefix(5).joined(separator: ", ")
            let more =
                rights.tablesWithoutReadWrite.count > 5 ? " and \(rights.tablesWithoutReadWrite.count - 5) more" : ""
            lacking.append("cannot read and write \(list)\(more)")
            grants.append(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema.quoted) TO \(quotedRole)")
        }
        if !rights.functionsWithoutExecute.isEmpty {
            lacking.append("cannot execute \(rights.functionsWithoutExecute.joined(separator: ", "))")
            grants.append("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA \(schema.quoted) TO \(quotedRole)")
        }
        return .fail(
            "database", "rights", "role \(role) " + lacking.joined(separator: "; "),
            advice: "as the schema's owner or a superuser run: " + grants.joined(separator: "; "), failure: .refused)
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

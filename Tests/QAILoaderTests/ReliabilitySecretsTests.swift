import Foundation
import MockAPI
import Postgres
import TestSupport
import Testing

/// Issue 8, secrets: every secret set to a recognisable value, the loader run through faults,
/// rejected records, a crash, a refused database password and a refused JWT; none of the values
/// (nor any JWT) appears in standard output or error, JSON logs, metrics files, `status --json`,
/// `check`, `etl_run`, `etl_slice` or `etl_rejected`.
@Suite struct ReliabilitySecretsTests {
    static let password = "Db-Canary-Pa55-\(UUID().uuidString.prefix(8))"
    static let wrongPassword = "Wrong-Canary-Pa55-\(UUID().uuidString.prefix(8))"
    static let clientSecret = "Client-Canary-S3cret-\(UUID().uuidString.prefix(8))"
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNhbmFyeSJ9.Canary-Sig-\(UUID().uuidString.prefix(8))"
    static let faults = FaultConfiguration(
        rateLimitEvery: 9, serverErrorRate: 0.05, truncatedBodyEvery: 13, htmlErrorEvery: 17, missingIdEvery: 40,
        maxFaultsInARow: 3)

    @Test(.timeLimit(.minutes(5)))
    func noSecretAnywhere() async throws {
        let database = try await Fixture.migratedDatabase()
        let role = try await Fixture.passwordRole(password: Self.password, on: database)
        try await Fixture.execute(
            """
            GRANT USAGE, CREATE ON SCHEMA qai TO \(role);
            GRANT ALL ON ALL TABLES IN SCHEMA qai TO \(role);
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA qai TO \(role);
            """, on: database)
        let login = try database.replacing(["user": role, "password": Self.password])
        let directory = FileManager.default.temporaryDirectory.appending(path: "qai-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let metrics = directory.appending(path: "qai.prom").path

        var outputs: [String: LoaderOutput] = [:]
        let truth = try await Fixture.withMock(secret: Self.clientSecret, faults: Self.faults) { mock in
            let environment = Fixture.environment(database: login, apiBaseURL: mock.baseURL, secret: Self.clientSecret)
            let backfill = [
                "backfill", "--from", "2026-01-01", "--to", "2026-01-03", "--log-format", "json", "--log-level",
                "trace", "--metrics-file", metrics,
            ]
            var crashing = environment
            crashing["QAI_CRASH_AT"] = "before-commit:1"
            outputs["crashed backfill"] = try await LoaderProcess.run(backfill, environment: crashing)
            outputs["backfill"] = try await LoaderProcess.run(backfill, environment: environment)
            outputs["status --json"] = try await LoaderProcess.run(["status", "--json"], environment: environment)
            outputs["check"] = try await LoaderProcess.run(["check", "--log-level", "trace"], environment: environment)
            var wrong = environment
            wrong["DATABASE_URL"] = try login.replacing(["password": Self.wrongPassword]).connectionString
            outputs["wrong password"] = try await LoaderProcess.run(backfill, environment: wrong)
            var refused = environment
            refused["QAI_CLIENT_ID"] = nil
            refused["QAI_CLIENT_SECRET"] = nil
            refused["QAI_JWT"] = Self.jwt
            outputs["refused JWT"] = try await LoaderProcess.run(backfill, environment: refused)
            return try await Fixture.truth(mock)
        }
        #expect(outputs["crashed backfill"]?.exitCode == 137 || outputs["crashed backfill"]?.exitCode == 9)
        #expect(outputs["backfill"]?.exitCode == 2, "rejected records: \(outputs["backfill"]?.all ?? "")")
        #expect(outputs["wrong password"]?.exitCode == 1)
        #expect(outputs["refused JWT"]?.exitCode == 1)

        var places = outputs.mapValues(\.all)
        places["metrics file"] = try String(contentsOfFile: metrics, encoding: .utf8)
        for table in ["etl_run", "etl_slice", "etl_rejected"] {
            places[table] = try await Self.tableText("qai.\(table)", database: database)
        }
        #expect(places["etl_rejected"]?.isEmpty == false, "the faults quarantine records")
        var leaks: [String] = []
        for (place, text) in places.sorted(by: { $0.key < $1.key }) {
            for secret in [Self.password, Self.wrongPassword, Self.clientSecret, Self.jwt, "Canary-Sig", "eyJ"]
            where text.contains(secret) {
                leaks.append("\(place) holds \(secret.prefix(12))...")
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")

        let loaded = try await Fixture.count("SELECT count(*) FROM qai.fact_conversation", on: database)
        let rejected = try await Fixture.count("SELECT count(*) FROM qai.etl_rejected", on: database)
        ScenarioReport.record(
            "secrets: canaries through faults, a crash and refusals", runs: outputs.count, passed: leaks.isEmpty,
            lost: max(0, truth.count - rejected - loaded), duplicated: max(0, loaded + rejected - truth.count))
    }

    /// Every row of `table` as JSON text, one per line.
    static func tableText(_ table: String, database: DatabaseConfiguration) async throws -> String {
        try await Connection.withConnection(database, logger: Fixture.logger) { connection in
            try await connection.execute(Query(unsafeSQL: "SELECT row_to_json(t)::text FROM \(table) t"))
                .map { $0[0] ?? "" }.joined(separator: "\n")
        }
    }
}

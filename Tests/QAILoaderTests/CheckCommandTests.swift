import EmbeddedPostgres
import Foundation
import MockAPI
import Postgres
import Testing

@Suite("qai-loader check")
struct CheckCommandTests {
    /// Recognisable secret values: none of them may appear in any output.
    static let databasePassword = "Db-Pa55-\(UUID().uuidString.prefix(8))"
    static let wrongDatabasePassword = "Wrong-Db-Pa55-\(UUID().uuidString.prefix(8))"
    static let clientSecret = "Client-S3cret-\(UUID().uuidString.prefix(8))"
    static let wrongClientSecret = "Wrong-Client-S3cret-\(UUID().uuidString.prefix(8))"
    static let secrets = [databasePassword, wrongDatabasePassword, clientSecret, wrongClientSecret]

    /// No secret anywhere, and every stdout line is a check line or its what-to-do line.
    static func expectNoSecret(_ output: LoaderOutput, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in output.stdout.split(separator: "\n") {
            let wellFormed = ["ok    ", "FAIL  ", "skip  ", "info  ", "      what to do: "].contains {
                line.hasPrefix($0)
            }
            #expect(wellFormed, "unexpected line: \(line)", sourceLocation: sourceLocation)
        }
        for secret in secrets {
            #expect(!output.all.contains(secret), "a secret appeared in the output", sourceLocation: sourceLocation)
        }
    }

    /// The line of `check` `name` and the line after it.
    static func lines(_ output: LoaderOutput, _ name: String) -> (line: String?, next: String?) {
        let lines = output.stdout.split(separator: "\n").map(String.init)
        guard let index = lines.firstIndex(where: { $0.contains(name) }) else { return (nil, nil) }
        return (lines[index], index + 1 < lines.count ? lines[index + 1] : nil)
    }

    @Test("everything right: one ok line per check, exit 0")
    func allGood() async throws {
        let database = try await Fixture.migratedDatabase()
        let output = try await Fixture.withMock(secret: Self.clientSecret) { mock in
            try await LoaderProcess.run(
                ["check"],
                environment: Fixture.environment(
                    database: database, apiBaseURL: mock.baseURL, secret: Self.clientSecret))
        }
        #expect(output.exitCode == 0, "\(output.all)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 9, "\(output.stdout)")
        #expect(lines.allSatisfy { $0.hasPrefix("ok  ") }, "\(output.stdout)")
        for name in [
            "configuration: API settings", "configuration: network", "configuration: database settings",
            "database: connect",
            "database: rights for migrate", "database: rights for sync, backfill, verify",
            "database: rights for status", "database: schema version", "api: credentials",
        ] {
            #expect(output.stdout.contains(name), "missing check \(name)")
        }
        #expect(Self.lines(output, "api: credentials").line?.contains("stream \(Fixture.stream) answered") == true)
        Self.expectNoSecret(output)
    }

    @Test("a wrong database password: FAIL with advice to check the password, later checks skipped, exit 1")
    func wrongPassword() async throws {
        let database = try await Fixture.migratedDatabase()
        let role = try await Fixture.passwordRole(password: Self.databasePassword, on: database)
        let wrong = try database.replacing(["user": role, "password": Self.wrongDatabasePassword])
        let output = try await Fixture.withMock(secret: Self.clientSecret) { mock in
            try await LoaderProcess.run(
                ["check"],
                environment: Fixture.environment(database: wrong, apiBaseURL: mock.baseURL, secret: Self.clientSecret))
        }
        #expect(output.exitCode == 1, "\(output.all)")
        let connect = Self.lines(output, "database: connect")
        #expect(connect.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        #expect(connect.line?.contains("password authentication failed") == true)
        #expect(connect.next?.contains("what to do: check the password") == true)
        #expect(Self.lines(output, "database: rights").line?.hasPrefix("skip") == true)
        #expect(Self.lines(output, "database: schema version").line?.hasPrefix("skip") == true)
        #expect(Self.lines(output, "api: credentials").line?.hasPrefix("ok") == true)
        Self.expectNoSecret(output)
    }

    @Test("an unreachable API (closed port): FAIL with advice to check the base URL, exit 69")
    func unreachableAPI() async throws {
        let database = try await Fixture.migratedDatabase()
        let output = try await LoaderProcess.run(
            ["check"],
            environment: Fixture.environment(
                database: database, apiBaseURL: "http://127.0.0.1:1", secret: Self.clientSecret))
        #expect(output.exitCode == 69, "\(output.all)")
        let api = Self.lines(output, "api: credentials")
        #expect(api.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        #expect(api.line?.contains("could not reach the API") == true)
        #expect(api.next?.contains("what to do: check QAI_API_BASE_URL") == true)
        #expect(Self.lines(output, "database: connect").line?.hasPrefix("ok") == true)
        Self.expectNoSecret(output)
    }

    @Test("a bad client secret: the API answers 401, FAIL with advice on the client credentials, exit 1")
    func badSecret() async throws {
        let database = try await Fixture.migratedDatabase()
        let secretFile = FileManager.default.temporaryDirectory.appending(path: "qai-secret-\(UUID().uuidString)")
        try Data((Self.wrongClientSecret + "\n").utf8).write(to: secretFile)
        defer { try? FileManager.default.removeItem(at: secretFile) }
        let output = try await Fixture.withMock(secret: Self.clientSecret) { mock in
            var environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            environment["QAI_CLIENT_SECRET"] = nil
            environment["QAI_CLIENT_SECRET_FILE"] = secretFile.path
            return try await LoaderProcess.run(["check"], environment: environment)
        }
        #expect(output.exitCode == 1, "\(output.all)")
        let api = Self.lines(output, "api: credentials")
        #expect(api.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        #expect(api.line?.contains("HTTP 401") == true)
        #expect(api.next?.contains("what to do: set QAI_CLIENT_ID and QAI_CLIENT_SECRET") == true)
        Self.expectNoSecret(output)
    }

    @Test("a schema that was never migrated: FAIL with 'run qai-loader migrate', exit 1")
    func notMigrated() async throws {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_loader")
        let output = try await LoaderProcess.run(
            ["check", "--skip-api"], environment: ["DATABASE_URL": database.connectionString])
        #expect(output.exitCode == 1, "\(output.all)")
        let schema = Self.lines(output, "database: schema version")
        #expect(schema.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        #expect(schema.next?.contains("run 'qai-loader migrate' first") == true)
        #expect(Self.lines(output, "database: rights").line?.contains("does not exist yet") == true)
        #expect(!output.stdout.contains("api:"))
        Self.expectNoSecret(output)
    }

    @Test("an unreachable database (closed port): FAIL with advice on host and port, exit 69")
    func unreachableDatabase() async throws {
        let url = "postgresql://qai:\(Self.databasePassword)@127.0.0.1:1/warehouse?connect_timeout=3"
        let output = try await LoaderProcess.run(["check", "--skip-api"], environment: ["DATABASE_URL": url])
        #expect(output.exitCode == 69, "\(output.all)")
        let connect = Self.lines(output, "database: connect")
        #expect(connect.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        #expect(connect.next?.contains("Check the host and port") == true)
        #expect(Self.lines(output, "configuration: database settings").line?.contains("password=****") == true)
        Self.expectNoSecret(output)
    }

    @Test("a JWT the API refuses: FAIL with the credentials advice, and the token is never printed")
    func refusedJWT() async throws {
        let database = try await Fixture.migratedDatabase()
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6Ingi\(UUID().uuidString.prefix(6))fQ.Sig-\(Self.clientSecret)"
        let output = try await Fixture.withMock(secret: Self.clientSecret) { mock in
            var environment = Fixture.environment(database: database, apiBaseURL: mock.baseURL)
            environment["QAI_CLIENT_SECRET"] = nil
            environment["QAI_CLIENT_ID"] = nil
            environment["QAI_JWT"] = token
            return try await LoaderProcess.run(["check", "--log-level", "trace"], environment: environment)
        }
        #expect(output.exitCode == 1, "\(output.all)")
        #expect(Self.lines(output, "configuration: API settings").line?.contains("a JWT") == true)
        #expect(Self.lines(output, "api: credentials").next?.contains("QAI_JWT") == true)
        #expect(!output.all.contains(token))
        #expect(!output.all.contains(String(token.split(separator: ".")[1])))
        Self.expectNoSecret(output)
    }

    @Test("a missing setting: FAIL naming it, exit 64")
    func missingSetting() async throws {
        let database = try await Fixture.migratedDatabase()
        var environment = Fixture.environment(database: database, apiBaseURL: "http://127.0.0.1:1")
        environment["QAI_STREAM_ID"] = nil
        let output = try await LoaderProcess.run(["check"], environment: environment)
        #expect(output.exitCode == 64, "\(output.all)")
        let settings = Self.lines(output, "configuration: API settings")
        #expect(settings.line?.hasPrefix("FAIL") == true, "\(output.stdout)")
        #expect(settings.line?.contains("QAI_STREAM_ID") == true)
        #expect(Self.lines(output, "api: credentials").line?.hasPrefix("skip") == true)
        Self.expectNoSecret(output)
    }
}

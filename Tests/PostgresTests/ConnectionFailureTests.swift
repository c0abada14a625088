import EmbeddedPostgres
import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Connection failures say what was tried and never show the password")
struct ConnectionFailureTests {
    static let secret = "s3cr3t-Pa55word-\(UUID().uuidString.prefix(6))"

    /// A role that must log in with a password, and the settings of the database it can reach.
    static func passwordRole() async throws -> (role: String, database: DatabaseConfiguration) {
        let database = try await TestPostgres.makeDatabase()
        let role = "qai_pw_\(UUID().uuidString.prefix(8).lowercased())"
        let connection = try await Connection.connect(database, logger: testLogger)
        try await connection.execute(
            Query(unsafeSQL: "CREATE ROLE \(try Identifier(role).quoted) LOGIN PASSWORD 'right-password'"))
        await connection.close()
        return (role, database)
    }

    @Test("wrong password: names host, port, database and user; advice; no password")
    func wrongPassword() async throws {
        let (role, database) = try await Self.passwordRole()
        let wrong = try database.replacing(["user": role, "password": Self.secret])
        let error = await #expect(throws: PostgresError.self) {
            _ = try await Connection.connect(wrong, logger: testLogger)
        }
        let text = try #require(error).description
        #expect(error?.code == .connectionFailed)
        #expect(text.contains("user \(role)"))
        #expect(text.contains("database "))
        #expect(text.contains("port "))
        #expect(text.contains("password authentication failed"))
        #expect(text.contains("check the password"))
        #expect(!text.contains(Self.secret))
        #expect(!wrong.description.contains(Self.secret))
        #expect(!String(reflecting: wrong).contains(Self.secret))
    }

    @Test("a password embedded in a URL appears neither in the error nor in the description")
    func passwordInURL() async throws {
        let (role, database) = try await Self.passwordRole()
        let server = try await TestPostgres.server()
        let socket = try #require(server.cluster?.socketDirectory, "this check needs the throwaway cluster's socket")
        let port = try #require(server.cluster?.port)
        let dbname =
            database.connectionString.split(separator: " ").first { $0.hasPrefix("dbname=") }?
            .dropFirst("dbname=".count).replacingOccurrences(of: "'", with: "") ?? "postgres"
        let encodedSocket = socket.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? socket
        let url = "postgresql://\(role):\(Self.secret)@/\(dbname)?host=\(encodedSocket)&port=\(port)"
        let configuration = DatabaseConfiguration(connectionString: url)
        #expect(!configuration.description.contains(Self.secret))
        #expect(configuration.description.contains("password=****"))
        let error = await #expect(throws: PostgresError.self) {
            _ = try await Connection.connect(configuration, logger: testLogger)
        }
        #expect(error?.description.contains(Self.secret) == false)
        #expect(error?.description.contains(role) == true)
    }

    @Test("unreachable host: connection refused with advice to check host and port")
    func unreachableHost() async throws {
        let configuration = DatabaseConfiguration(
            connectionString: "host=127.0.0.1 port=1 user=nobody dbname=nothing password=\(Self.secret)",
            connectTimeoutSeconds: 3)
        let error = await #expect(throws: PostgresError.self) {
            _ = try await Connection.connect(configuration, logger: testLogger)
        }
        let text = try #require(error).description
        #expect(text.contains("host 127.0.0.1"))
        #expect(text.contains("port 1"))
        #expect(text.contains("Connection refused") || text.contains("connection refused"))
        #expect(text.contains("Check the host and port"))
        #expect(!text.contains(Self.secret))
    }

    @Test("missing database: says to create it or fix the name")
    func missingDatabase() async throws {
        let server = try await TestPostgres.server()
        let missing = try server.admin.replacingDatabase(with: "qai_no_such_db_\(UUID().uuidString.prefix(6))")
        let error = await #expect(throws: PostgresError.self) {
            _ = try await Connection.connect(missing, logger: testLogger)
        }
        let text = try #require(error).description
        #expect(text.contains("does not exist"))
        #expect(text.contains("createdb qai_no_such_db_"))
    }

    @Test("an unparsable connection string is refused before connecting, naming the expected form")
    func unparsableConnectionString() async throws {
        let configuration = DatabaseConfiguration(connectionString: "postgresql://host:notaport:/x?bogus")
        let error = await #expect(throws: PostgresError.self) {
            _ = try await Connection.connect(configuration, logger: testLogger)
        }
        #expect(error?.description.contains("postgresql://user@host:5432/dbname") == true)
    }

    @Test("a closed connection refuses statements; closing twice is harmless")
    func closedConnection() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        await connection.close()
        await connection.close()
        #expect(await connection.isClosed)
        let error = await #expect(throws: PostgresError.self) { try await connection.execute("SELECT 1") }
        #expect(error?.code == .connectionClosed)
    }
}

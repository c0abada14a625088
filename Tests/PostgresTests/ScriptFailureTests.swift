import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@Suite("A script that cannot be sent is an error")
struct ScriptFailureTests {
    @Test("after the server ends the session, executeScript throws libpq's message instead of succeeding")
    func scriptOnLostConnection() async throws {
        let database = try await TestPostgres.makeDatabase()
        let victim = try await Connection.connect(database, logger: testLogger)
        let admin = try await Connection.connect(database, logger: testLogger)
        let pid = try #require(try await victim.execute("SELECT pg_backend_pid()").first?.decode(0, as: Int.self))
        let terminated = try await admin.execute("SELECT pg_terminate_backend(\(pid), 10000)")
        #expect(try terminated.first?.decode(0, as: Bool.self) == true)
        await #expect(throws: PostgresError.self) {
            try await victim.executeScript(unsafeSQL: "SELECT 1; SELECT 2", name: "first script")
        }
        // libpq now knows the connection is gone: PQexec sends nothing and returns no result.
        let error = await #expect(throws: PostgresError.self) {
            try await victim.executeScript(unsafeSQL: "SELECT 1; SELECT 2", name: "second script")
        }
        #expect(error?.code == .connectionClosed)
        #expect(error?.message.contains("no connection to the server") == true)
        #expect(error?.description.contains("second script") == true)
        await victim.close()
        await admin.close()
    }
}

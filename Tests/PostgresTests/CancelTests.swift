import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@Suite("Cancelling a running statement from another task")
struct CancelTests {
    @Test("cancelRunningStatement ends a long statement with 57014, and the connection stays usable")
    func cancelEndsARunningStatement() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let observer = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let sleeper = Task { try await connection.execute("SELECT pg_sleep(600)") }
        // Cancel only once the server shows the statement running, so the request cannot arrive early.
        var running = false
        for _ in 0..<500 where !running {
            let rows = try await observer.execute(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(600)' AND state = 'active'")
            running = try rows.first?.decode("n", as: Int.self) == 1
            if !running { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(running, "the statement never showed as running")
        connection.cancelRunningStatement()
        let error = await #expect(throws: PostgresError.self) { try await sleeper.value }
        #expect(error?.sqlState == .queryCanceled)
        let after = try await connection.execute("SELECT 1 AS one")
        #expect(try after.first?.decode("one", as: Int.self) == 1)
        await connection.close()
        await observer.close()
    }

    @Test("a cancel request while idle or after close is harmless")
    func cancelWhileIdle() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        connection.cancelRunningStatement()
        // The server ignores a cancel that reaches an idle session; give the signal time to land.
        try await Task.sleep(for: .milliseconds(200))
        let rows = try await connection.execute("SELECT 2 AS two")
        #expect(try rows.first?.decode("two", as: Int.self) == 2)
        await connection.close()
        connection.cancelRunningStatement()
    }
}

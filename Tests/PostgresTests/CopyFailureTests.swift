import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@Suite("COPY failures leave the connection usable")
struct CopyFailureTests {
    @Test("a bad row fails with the server's message and the next statement works")
    func badRowThenWorkingStatement() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (n int NOT NULL, v text)")
        let error = await #expect(throws: PostgresError.self) {
            try await connection.copyIn(table: "t", columns: ["n", "v"]) { writer in
                writer.append("1")
                writer.append("fine")
                try writer.endRow()
                writer.append("not a number")
                writer.append("bad")
                try writer.endRow()
            }
        }
        #expect(error?.sqlState == .invalidTextRepresentation)
        #expect(error?.description.contains("not a number") == true)
        let count = try await connection.execute("SELECT count(*) AS c FROM t")
        #expect(try count.first?.decode("c", as: Int.self) == 0)
    }

    @Test("inside a transaction: the failed COPY rolls back and the connection goes on")
    func failedCopyInTransaction() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (n int NOT NULL)")
        await #expect(throws: PostgresError.self) {
            try await connection.withTransaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                try connection.copyIn(table: "t", columns: ["n"]) { writer in
                    writer.append(nil as Int?)
                    try writer.endRow()
                }
            }
        }
        let rows = try await connection.execute("SELECT count(*) AS c FROM t")
        #expect(try rows.first?.decode("c", as: Int.self) == 0)
        try await connection.execute("INSERT INTO t VALUES (2)")
    }

    @Test("a NUL byte is an error naming the column, and nothing is stored")
    func nulByteNamesColumn() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (id int, agent_name text)")
        let error = await #expect(throws: PostgresError.self) {
            try await connection.copyIn(table: "t", columns: ["id", "agent_name"]) { writer in
                writer.append(1)
                writer.append("before\u{0}after")
                try writer.endRow()
            }
        }
        #expect(error?.description.contains("agent_name") == true)
        #expect(error?.description.contains("NUL") == true)
        let rows = try await connection.execute("SELECT count(*) AS c FROM t")
        #expect(try rows.first?.decode("c", as: Int.self) == 0)
    }

    @Test("an error thrown by the caller mid-COPY cancels it and is rethrown unchanged")
    func callerErrorCancelsCopy() async throws {
        struct Stop: Error {}
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (n int)")
        await #expect(throws: Stop.self) {
            try await connection.copyIn(table: "t", columns: ["n"], chunkSize: 16) { writer in
                for n in 0..<1000 {
                    writer.append(n)
                    try writer.endRow()
                }
                throw Stop()
            }
        }
        let rows = try await connection.execute("SELECT count(*) AS c FROM t")
        #expect(try rows.first?.decode("c", as: Int.self) == 0)
    }

    @Test("a row with the wrong number of values is refused")
    func wrongColumnCount() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (a int, b int)")
        let error = await #expect(throws: PostgresError.self) {
            try await connection.copyIn(table: "t", columns: ["a", "b"]) { writer in
                writer.append(1)
                try writer.endRow()
            }
        }
        #expect(error?.description.contains("1 values for 2 columns") == true)
        try await connection.execute("INSERT INTO t VALUES (1, 2)")
    }
}

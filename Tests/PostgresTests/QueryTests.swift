import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@Suite("Statements, parameters, transactions and locks")
struct QueryTests {
    @Test("parameters are bound, not spliced: hostile text round-trips as data")
    func parametersRoundTrip() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        for value in ["'; DROP TABLE x; --", "Zoë 🎧", "", "a\tb\nc\\d", "$1"] {
            let rows = try await connection.execute("SELECT \(value)::text AS v, length(\(value)::text) AS n")
            #expect(rows.first?[0] == value)
            #expect(try rows.first?.decode("n", as: Int.self) == value.count)
        }
        let nulls = try await connection.execute("SELECT \(nil as String?)::text IS NULL AS isnull")
        #expect(try nulls.first?.decode("isnull", as: Bool.self) == true)
        await connection.close()
    }

    @Test("a NUL byte in a parameter is refused before it is sent")
    func nulParameter() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let error = await #expect(throws: PostgresError.self) {
            try await connection.execute("SELECT \("a\u{0}b")::text")
        }
        #expect(error?.description.contains("parameter $1") == true)
        await connection.close()
    }

    @Test("server errors carry SQLSTATE, message, constraint and statement name")
    func serverErrorFields() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY)")
        try await connection.execute("INSERT INTO t VALUES (1)")
        var insert = Query(unsafeSQL: "INSERT INTO t VALUES (1)")
        insert.name = "insert duplicate"
        let error = await #expect(throws: PostgresError.self) { try await connection.execute(insert) }
        #expect(error?.sqlState == .uniqueViolation)
        #expect(error?.constraint == "t_pk")
        #expect(error?.statement == "insert duplicate")
        #expect(error?.detail?.contains("(id)=(1)") == true)
        let rows = try await connection.execute("SELECT count(*) AS c FROM t")
        #expect(try rows.first?.decode("c", as: Int.self) == 1)
        await connection.close()
    }

    @Test("a throwing transaction body rolls back and rethrows its own error")
    func transactionRollback() async throws {
        struct Boom: Error {}
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (n int)")
        await #expect(throws: Boom.self) {
            try await connection.withTransaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        let committed = try await connection.withTransaction { connection in
            try connection.execute("INSERT INTO t VALUES (2)")
            return try connection.execute("SELECT array_agg(n) AS ns FROM t").first?[0]
        }
        #expect(committed == "{2}")
        await connection.close()
    }

    @Test("an advisory lock held by one session is refused to another until released")
    func advisoryLocks() async throws {
        let database = try await TestPostgres.makeDatabase()
        let first = try await Connection.connect(database, logger: testLogger)
        let second = try await Connection.connect(database, logger: testLogger)
        #expect(try await first.tryAdvisoryLock("qai:stream:st-1"))
        #expect(try await !second.tryAdvisoryLock("qai:stream:st-1"))
        #expect(try await second.tryAdvisoryLock("qai:stream:st-2"))
        #expect(try await first.advisoryUnlock("qai:stream:st-1"))
        #expect(try await second.tryAdvisoryLock("qai:stream:st-1"))
        await first.close()
        await second.close()
    }

    @Test("identifiers are quoted: a hostile schema name is just a name")
    func identifierQuoting() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let schema = try Identifier("qai\"; DROP SCHEMA public; --")
        try await connection.execute("CREATE SCHEMA \(identifier: schema)")
        let table = schema.qualifying("odd \"table\"")
        try await connection.execute(Query(unsafeSQL: "CREATE TABLE \(table) (x text)"))
        let stored = try await connection.copyIn(schema: schema, table: "odd \"table\"", columns: ["x"]) { writer in
            writer.append("it worked")
            try writer.endRow()
        }
        #expect(stored == 1)
        let rows = try await connection.execute(
            "SELECT count(*) AS c FROM pg_namespace WHERE nspname IN (\(schema.name), 'public')")
        #expect(try rows.first?.decode("c", as: Int.self) == 2)
        #expect(throws: PostgresError.self) { try Identifier("") }
        #expect(throws: PostgresError.self) { try Identifier(String(repeating: "x", count: 64)) }
        await connection.close()
    }
}

import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@Suite("Query interpolation: qualified names, fragments, arrays, isolation levels")
struct QueryInterpolationTests {
    @Test("a schema-qualified name is quoted whole: a hostile schema name is just a name")
    func qualifiedNames() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let schema = try Identifier("q\"; DROP SCHEMA public; --")
        try await connection.execute("CREATE SCHEMA \(identifier: schema)")
        let create: Query = "CREATE TABLE \(schema, "etl_run") (x text)"
        #expect(create.sql == #"CREATE TABLE "q""; DROP SCHEMA public; --"."etl_run" (x text)"#)
        try await connection.execute(create)
        try await connection.execute("INSERT INTO \(schema, "etl_run") VALUES (\("one")), (\("two"))")
        let rows = try await connection.execute("SELECT count(*) AS n FROM \(schema, "etl_run")")
        #expect(try rows.first?.decode("n", as: Int.self) == 2)
        await connection.close()
    }

    @Test("a fragment's parameters are renumbered after the ones before it and stay bound")
    func fragments() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let filter: Query = "WHERE v.n >= \(2) AND v.s <> \("'; --")"
        let query: Query =
            "SELECT count(*) AS n, \(10) AS ten FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) v (n, s) \(fragment: filter)"
        #expect(
            query.sql
                == "SELECT count(*) AS n, $1 AS ten FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) v (n, s) WHERE v.n >= $2 AND v.s <> $3"
        )
        #expect(query.binds == ["10", "2", "'; --"])
        let row = try await connection.execute(query).first
        #expect(try row?.decode("n", as: Int.self) == 2)
        #expect(try row?.decode("ten", as: Int.self) == 10)
        let none: Query = ""
        let unfiltered: Query = "SELECT count(*) AS n FROM (VALUES (\(1)), (\(2))) v (n) \(fragment: none)"
        #expect(try await connection.execute(unfiltered).first?.decode("n", as: Int.self) == 2)
        await connection.close()
    }

    @Test("arrays bind as one parameter; quotes, backslashes, commas and NULL survive")
    func arrays() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let texts: [String?] = ["plain", "a \"quoted\" word", "back\\slash", "comma, brace }", nil, ""]
        let rows = try await connection.execute(
            "SELECT u.v, u.v IS NULL AS isnull FROM unnest(\(texts)::text[]) WITH ORDINALITY AS u (v, i) ORDER BY u.i")
        #expect(rows.map { $0[0] } == texts)
        let ids: [Int64] = [3, 1, 2]
        let sum = try await connection.execute("SELECT sum(x) AS s FROM unnest(\(ids)::bigint[]) AS x")
        #expect(try sum.first?.decode("s", as: Int.self) == 6)
        await connection.close()
    }

    @Test("each isolation level opens a transaction at that level")
    func isolationLevels() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let expected: [IsolationLevel: String] = [
            .readCommitted: "read committed", .repeatableRead: "repeatable read", .serializable: "serializable",
        ]
        for level in IsolationLevel.allCases {
            let shown = try await connection.withTransaction(isolation: level) { connection in
                try connection.execute("SHOW transaction_isolation").first?[0]
            }
            #expect(shown == expected[level])
        }
        await connection.close()
    }

    /// A string-backed enum as the loader's run states are.
    enum Colour: String, PostgresEncodable, PostgresDecodable { case red, darkBlue = "dark blue" }

    @Test("a string-backed enum binds as its raw value and reads back; require refuses NULL and unknown text")
    func rawValueEnums() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let rows = try await connection.execute(
            "SELECT \(Colour.darkBlue)::text AS c, \(Colour.darkBlue)::text = 'dark blue' AS same, NULL::text AS n, 'green' AS g"
        )
        #expect(try rows.first?.decode("same", as: Bool.self) == true)
        #expect(try rows.first?.require("c", as: Colour.self) == .darkBlue)
        #expect(throws: PostgresError.self) { try rows.first?.require("n", as: Colour.self) }
        #expect(throws: PostgresError.self) { try rows.first?.require("g", as: Colour.self) }
        #expect(try rows.first?.decode("n", as: Colour.self) == nil)
        await connection.close()
    }
}

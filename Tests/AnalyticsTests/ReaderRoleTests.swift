import EmbeddedPostgres
import Postgres
import TestSupport
import Testing
import Warehouse

@Suite("The read-only role")
struct ReaderRoleTests {
    /// Statements the role must be refused, each with the privilege it lacks.
    static let forbidden = [
        "INSERT INTO dim_queue (queue_id, queue_name) VALUES ('q-reader', 'written by the reader')",
        "UPDATE fact_conversation SET audit_score = 0",
        "DELETE FROM rollup_daily_stream",
        "TRUNCATE fact_audit_history",
        "CREATE TABLE qai.reader_table (id integer)",
        "CREATE VIEW qai.reader_view AS SELECT 1 AS one",
        "CREATE TABLE public.reader_table (id integer)",
        "SELECT refresh_rollups(ARRAY[current_date])",
    ]

    @Test("it can read facts, dimensions, rollups and views but cannot write or create (SQLSTATE 42501)")
    func refusesWrites() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        try await warehouse.withReader { connection in
            let counts = try await connection.execute(
                """
                SELECT (SELECT count(*) FROM fact_conversation) AS facts, (SELECT count(*) FROM dim_agent) AS agents,
                    (SELECT count(*) FROM rollup_daily_agent) AS rollups, (SELECT count(*) FROM v_daily_quality) AS daily
                """
            ).first
            for column in ["facts", "agents", "rollups", "daily"] {
                #expect(try counts?.decode(column, as: Int.self) ?? 0 > 0, "\(column) is empty for the reader")
            }
            for statement in Self.forbidden {
                let error = await #expect(throws: PostgresError.self, "\(statement)") {
                    try await connection.execute(Query(unsafeSQL: statement))
                }
                #expect(error?.sqlState == .insufficientPrivilege, "\(statement): \(String(describing: error))")
            }
        }
        let unchanged = try await warehouse.withAdmin { connection in
            try await connection.execute("SELECT count(*) AS n FROM qai.dim_queue WHERE queue_id = 'q-reader'").first?
                .decode("n", as: Int.self)
        }
        #expect(unchanged == 0)
    }

    @Test("tables created later in the schema are readable (default privileges); re-creating updates the password")
    func defaultPrivilegesAndRerun() async throws {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_reader")
        let schema = try Identifier("qai")
        let name = try Identifier("qai_reader_dp_" + String(UInt32.random(in: 0...UInt32.max), radix: 16))
        try await Connection.withConnection(database, logger: testLogger) { connection in
            _ = try await Migrator(schema: schema).migrate(connection, logger: testLogger)
            #expect(try await ReaderRole.create(name: name, schema: schema, password: "first-pw", on: connection))
            try await connection.execute("CREATE TABLE qai.added_later (id integer)")
            try await connection.execute("INSERT INTO qai.added_later VALUES (42)")
            #expect(try await !ReaderRole.create(name: name, schema: schema, password: "second-pw", on: connection))
        }
        let reader = try database.replacing(["user": name.name, "password": "second-pw"])
        let value = try await Connection.withConnection(reader, logger: testLogger) { connection in
            try await connection.execute("SELECT id FROM added_later").first?.decode("id", as: Int.self)
        }
        #expect(value == 42)
        let stale = try database.replacing(["user": name.name, "password": "first-pw"])
        await #expect(throws: PostgresError.self) {
            try await Connection.withConnection(stale, logger: testLogger) { _ in }
        }
    }

    @Test("the current user and superusers are refused")
    func refusesPrivilegedRoles() async throws {
        let warehouse = try await AnalyticsWarehouse.shared()
        let superuser = "qai_super_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try await warehouse.withAdmin { connection in
            let me = try await connection.execute("SELECT current_user AS me").first?.decode("me", as: String.self)
            try await connection.execute(Query(unsafeSQL: "CREATE ROLE \(superuser) SUPERUSER"))
            for (name, reason) in [(me ?? "postgres", "logs in as"), (superuser, "superuser")] {
                let error = await #expect(throws: ReaderRoleError.self, "\(name)") {
                    try await ReaderRole.create(
                        name: Identifier(name), schema: AnalyticsWarehouse.schemaIdentifier, password: "x",
                        on: connection)
                }
                #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
            }
            let attributes = try await connection.execute(
                "SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = \(superuser)"
            ).first
            #expect(try attributes?.decode("rolsuper", as: Bool.self) == true)
            #expect(try attributes?.decode("rolcanlogin", as: Bool.self) == false)
            try await connection.execute(Query(unsafeSQL: "DROP ROLE \(superuser)"))
        }
    }
}

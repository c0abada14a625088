import EmbeddedPostgres
import Postgres
import QualityAI
import TestSupport
import Testing
import Warehouse

@Suite("Refreshing rollups from a load transaction")
struct BatchRollupTests {
    static let schema = try! Identifier("qai")

    /// Three days of conversations fetched from a small mock, and how many of them started on each
    /// UTC day, counted here from the records themselves.
    static func batch() async throws -> (conversations: [Conversation], perDay: [RollupDay: Int]) {
        let end: Int64 = 1_792_972_800  // 2026-10-26 00:00:00 UTC
        let mock = try await MockSource.start(conversations: 300, days: 3, end: end, seed: 3)
        let conversations: [Conversation]
        do {
            let window = TimeWindow(start: end - 3 * 86_400, end: end - 1)
            conversations = try await mock.client().fetchWindow(streamId: MockSource.stream, window: window)
                .conversations
            await mock.stop()
        } catch {
            await mock.stop()
            throw error
        }
        var perDay: [RollupDay: Int] = [:]
        for conversation in conversations {
            guard let start = conversation.conversationStart else { continue }
            perDay[RollupDay(containing: start.microseconds / 1_000_000), default: 0] += 1
        }
        return (conversations, perDay)
    }

    static func migratedDatabase() async throws -> DatabaseConfiguration {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_batch_rollup")
        try await Connection.withConnection(database, logger: testLogger) { connection in
            _ = try await Migrator(schema: schema).migrate(connection, logger: testLogger)
        }
        return database
    }

    static func conversationsPerDay(on connection: Connection) async throws -> [RollupDay: Int] {
        var loaded: [RollupDay: Int] = [:]
        let rows = try await connection.execute(
            "SELECT day::text AS day, conversations FROM qai.rollup_daily_stream ORDER BY day")
        for row in rows {
            if let day = try row.decode("day", as: String.self).flatMap(RollupDay.init) {
                loaded[day] = try row.decode("conversations", as: Int.self)
            }
        }
        return loaded
    }

    @Test(
        "refreshing in the batch rebuilds exactly the days of its new conversations; an unchanged reload rebuilds nothing"
    )
    func refreshInBatch() async throws {
        let (conversations, perDay) = try await Self.batch()
        #expect(perDay.count == 3)
        let loader = BatchLoader(schema: Self.schema)
        let refresher = RollupRefresher(schema: Self.schema)
        try await Connection.withConnection(try await Self.migratedDatabase(), logger: testLogger) { connection in
            let first = try await connection.withTransaction { connection in
                _ = try loader.load(conversations, streamId: MockSource.stream, runId: 1, on: connection)
                return try refresher.refreshChangedInBatch(on: connection)
            }
            #expect(first == perDay.keys.sorted())
            #expect(try await Self.conversationsPerDay(on: connection) == perDay)
            let stamp = "SELECT max(refreshed_at)::text AS stamp FROM qai.rollup_daily_stream"
            let before = try await connection.execute(Query(unsafeSQL: stamp)).first?.decode("stamp", as: String.self)
            let second = try await connection.withTransaction { connection in
                _ = try loader.load(conversations, streamId: MockSource.stream, runId: 2, on: connection)
                return try refresher.refreshChangedInBatch(on: connection)
            }
            #expect(second.isEmpty)
            let after = try await connection.execute(Query(unsafeSQL: stamp)).first?.decode("stamp", as: String.self)
            #expect(before != nil && before == after)
        }
    }

    @Test("marking in the batch leaves the days pending until refreshPending rebuilds them once and clears them")
    func markThenRefreshPending() async throws {
        let (conversations, perDay) = try await Self.batch()
        let loader = BatchLoader(schema: Self.schema)
        let refresher = RollupRefresher(schema: Self.schema)
        try await Connection.withConnection(try await Self.migratedDatabase(), logger: testLogger) { connection in
            let marked = try await connection.withTransaction { connection in
                _ = try loader.load(conversations, streamId: MockSource.stream, runId: 1, on: connection)
                return try refresher.markChangedInBatch(on: connection)
            }
            #expect(marked == perDay.count)
            #expect(try await Self.conversationsPerDay(on: connection).isEmpty)
            let remarked = try await connection.withTransaction { connection in
                _ = try loader.load(conversations, streamId: MockSource.stream, runId: 2, on: connection)
                return try refresher.markChangedInBatch(on: connection)
            }
            #expect(remarked == 0)
            let rebuilt = try await connection.withTransaction { try refresher.refreshPending(on: $0) }
            #expect(rebuilt == perDay.keys.sorted())
            #expect(try await Self.conversationsPerDay(on: connection) == perDay)
            let pending = try await connection.withTransaction { try refresher.pendingDays(on: $0) }
            #expect(pending.isEmpty)
        }
    }

    @Test(
        "a refresh by another loader waits for a batch that re-marks a pending day, so the day is rebuilt with its facts"
    )
    func refreshWaitsForMarkingBatch() async throws {
        let (conversations, perDay) = try await Self.batch()
        let (early, late) = (Array(conversations.prefix(150)), Array(conversations.dropFirst(150)))
        let loader = BatchLoader(schema: Self.schema)
        let refresher = RollupRefresher(schema: Self.schema)
        let database = try await Self.migratedDatabase()
        let batch = try await Connection.connect(database, logger: testLogger)
        let other = try await Connection.connect(database, logger: testLogger)
        // The first half is loaded and its days marked, as by an earlier run that did not refresh.
        _ = try await batch.withTransaction { connection in
            _ = try loader.load(early, streamId: MockSource.stream, runId: 1, on: connection)
            return try refresher.markChangedInBatch(on: connection)
        }
        // The second half's batch re-marks those days (already pending) and has not committed yet
        // when the other loader starts its refresh.
        func loadAndMark(_ connection: isolated Connection) throws -> Int {
            try connection.execute("BEGIN")
            _ = try loader.load(late, streamId: MockSource.stream, runId: 2, on: connection)
            return try refresher.markChangedInBatch(on: connection)
        }
        _ = try await loadAndMark(batch)
        let refresh = Task { try await other.withTransaction { try refresher.refreshPending(on: $0) } }
        let observer = try await Connection.connect(database, logger: testLogger)
        var refreshWaits = false
        for _ in 0..<1_500 where !refreshWaits {
            let waiting = try await observer.execute(
                """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """)
            refreshWaits = try (waiting.first?.decode(0, as: Int.self) ?? 0) > 0
            if !refreshWaits { try await Task.sleep(for: .milliseconds(20)) }
        }
        await observer.close()
        #expect(refreshWaits, "the refresh did not wait for the batch that holds the rollup lock shared")
        try await batch.execute("COMMIT")
        _ = try await refresh.value
        // What the next run does: rebuild whatever is still pending.
        _ = try await other.withTransaction { try refresher.refreshPending(on: $0) }
        #expect(
            try await Self.conversationsPerDay(on: other) == perDay,
            "a day was rebuilt without the batch's conversations and no longer marked pending")
        await batch.close()
        await other.close()
    }
}

import Postgres
import QualityAI
import Testing
import Warehouse

/// Issue 12: `verify` compares the warehouse with the API at one `limit=1` request a day and
/// `--repair` reloads exactly the days that differ.
@Suite struct ReconcileTests {
    static let day: Int64 = 86_400

    @Test("a day made incomplete on purpose is found with one request a day and repaired to equal the truth")
    func findAndRepair() async throws {
        try await SyncHarness.with(conversations: 2_000, days: 10) { harness in
            let (start, end) = (harness.configuration.start, harness.configuration.end)
            _ = try await harness.run(harness.backfill())
            let client = try harness.client()
            let reconciler = Reconciler(client: client, schema: harness.schema, logger: harness.logger)
            let complete = try await reconciler.check(
                streams: ["st-sync"], from: start, to: end, sliceSeconds: Self.day, concurrency: 4, options: [:],
                on: harness.observer)
            #expect(complete.count == 10)
            #expect(complete.allSatisfy { !$0.differs })
            #expect(client.statistics.snapshot().requests == 10, "one request per day")
            // Day 4 loses 25 conversations (and their child rows, by cascade).
            let dayStart = start + 4 * Self.day
            let deleted = try await harness.integer(
                """
                WITH gone AS (
                    DELETE FROM qai.fact_conversation WHERE conversation_id IN (
                        SELECT conversation_id FROM qai.fact_conversation
                        WHERE conversation_start >= to_timestamp(\(dayStart))
                            AND conversation_start < to_timestamp(\(dayStart + Self.day))
                        ORDER BY conversation_id LIMIT 25)
                    RETURNING 1)
                SELECT count(*) FROM gone
                """)
            #expect(deleted == 25)
            let checks = try await reconciler.check(
                streams: ["st-sync"], from: start, to: end, sliceSeconds: Self.day, concurrency: 4, options: [:],
                on: harness.observer)
            #expect(client.statistics.snapshot().requests == 20)
            let differing = checks.filter { $0.differs }
            #expect(differing.map { $0.window.start } == [dayStart])
            #expect(differing.first?.missing == 25)
            // The API's count is the truth's count for that day.
            let truthDay = try await harness.truth.window(
                stream: "st-sync", from: dayStart, to: dayStart + Self.day - 1)
            #expect(differing.first?.apiTotal == truthDay.conversationCount)
            _ = try await harness.run(
                SyncRequest(
                    command: .repair, options: [:],
                    slices: differing.map { SliceSpec(streamId: $0.streamId, window: $0.window, kind: .repair) }),
                client: client)
            let repairRequests = client.statistics.snapshot().requests - 20
            #expect(repairRequests > 0 && repairRequests <= truthDay.conversationCount / 100 + 2)
            let rechecked = try await reconciler.check(
                ["st-sync": differing.map(\.window)], sliceSeconds: Self.day, concurrency: 4, options: [:],
                on: harness.observer)
            #expect(rechecked.count == 1 && !rechecked[0].differs)
            try await harness.expectMatches(try await harness.truth.window(stream: "st-sync"), stream: "st-sync")
            let runs = try await harness.integer("SELECT count(*) FROM qai.etl_run WHERE command = 'verify'")
            #expect(runs == 3)
        }
    }
}

import QualityAI
import Testing
import Warehouse

/// Issue 5 acceptance: several streams in one run, and one run per stream at a time.
@Suite struct StreamsAndLockTests {
    static let streams = ["st-north", "st-south"]

    @Test("two streams share one limiter and both equal their truth; a concurrent run over one fails with lockHeld")
    func twoStreamsShareALimiterAndLockOutASecondRun() async throws {
        try await SyncHarness.with(conversations: 1_200, days: 14, streams: Self.streams) { harness in
            // One budget for the account: 10 request starts in any second, whatever the stream.
            let client = try harness.client(limiter: RateLimiter(limit: 10, per: .seconds(1)))
            // Slow answers until the second run was refused: the first must outlast its 3 s of tries.
            try await harness.truth.setFaults(#"{"delayMilliseconds":1000}"#)
            let first = Task { try await harness.run(harness.backfill(), client: client) }
            var running = false
            for _ in 0..<1_000 where !running {
                running = try await harness.integer("SELECT count(*) FROM qai.etl_run WHERE status = 'running'") == 1
                if !running { try await Task.sleep(for: .milliseconds(5)) }
            }
            #expect(running, "the first run was never seen running")
            let lockedOut = await #expect(throws: WarehouseError.self) {
                _ = try await harness.run(harness.backfill(streams: ["st-north"]))
            }
            #expect(lockedOut?.code == .lockHeld)
            try await harness.truth.setFaults("{}")
            let summary = try await first.value
            #expect(try await harness.integer("SELECT count(*) FROM qai.etl_run") == 1, "the locked-out run left a row")
            #expect(try await harness.runRecord(summary.runId).status == "succeeded")
            var agents = Set<String>()
            for stream in Self.streams {
                let truth = try await harness.truth.window(stream: stream)
                try await harness.expectMatches(truth, stream: stream, ownsDimensions: false)
                agents.formUnion(truth.distinctAgentIds)
            }
            #expect(try await harness.strings("SELECT agent_id FROM qai.dim_agent") == agents.sorted())
            try await expectOneBudget(harness, limit: 10)
        }
    }

    /// The mock saw both streams, and never more than `limit` requests within half a second (the
    /// limiter's window is a second; half of it leaves room for arrival jitter): with one limiter
    /// per stream up to twice as many would start at once.
    private func expectOneBudget(_ harness: SyncHarness, limit: Int) async throws {
        let stats = try await harness.truth.stats()
        let byStream = stats["byStream"] as? [String: Int] ?? [:]
        #expect(Self.streams.allSatisfy { byStream[$0, default: 0] > 0 })
        let times = (stats["requestTimesMs"] as? [Int] ?? []).sorted()
        #expect(times.count > 2 * limit)
        var busiest = 0
        var low = 0
        for high in times.indices {
            while times[high] - times[low] >= 500 { low += 1 }
            busiest = max(busiest, high - low + 1)
        }
        #expect(busiest <= limit)
    }
}

import Foundation
import QualityAI
import TestSupport
import Testing

/// Issue 8, fault soak: every vendor fault at once (429 with a Retry-After in seconds, without one
/// and as an HTTP date; 5xx at 5%; truncated bodies; slow answers; dropped connections) over a
/// multi-week range, the mock's late-audit epoch advancing between runs. After every run the
/// warehouse equals the mock's truth, the run record shows the retries, and the mock never saw
/// more requests in a window than the budget allows.
@Suite struct ReliabilityFaultSoakTests {
    static let stream = "st-sync"
    static let scale = ReliabilityScale.current
    struct Size {
        var conversations: Int
        var days: Int
        var runs: Int
    }

    /// A request budget: at most `limit` requests in any `window`.
    struct Budget {
        var limit: Int
        var window: Duration
    }

    static let size = scale.pick(
        small: Size(conversations: 2_000, days: 21, runs: 3), full: Size(conversations: 12_000, days: 42, runs: 5))
    /// A scaled-down two-second window in the small soak, the vendor's real minute in the full
    /// one. The limiter's window has 1.5 s of slack: the mock stamps arrivals late when its event
    /// loop is busy (by up to a second during the full parallel suite).
    static let budget = scale.pick(
        small: Budget(limit: 30, window: .seconds(2)), full: Budget(limit: 60, window: .seconds(60)))

    static func faults(run: Int) -> String {
        let retryAfter = ["seconds", "none", "httpDate"][run % 3]
        return """
            {"rateLimitEvery":9,"retryAfter":"\(retryAfter)","retryAfterSeconds":1,"serverErrorRate":0.05,
            "truncatedBodyEvery":11,"dropConnectionEvery":17,"delayMilliseconds":20,"maxFaultsInARow":3}
            """
    }

    @Test(.timeLimit(.minutes(20)))
    func soakWithEveryFaultAndAdvancingEpochs() async throws {
        try await SyncHarness.with(conversations: Self.size.conversations, days: Self.size.days) { harness in
            var tally = RowTally()
            var passed = true
            for run in 0..<Self.size.runs {
                if run > 0 { _ = try await harness.truth.advanceEpoch() }
                try await harness.truth.setFaults(Self.faults(run: run))
                try await harness.truth.resetStats()
                let limiter = RateLimiter(limit: Self.budget.limit, per: Self.budget.window + .milliseconds(1_500))
                let summary = try await harness.run(
                    harness.backfill(concurrency: 4), client: try harness.client(limiter: limiter))
                let truth = try await harness.truth.window(stream: Self.stream)
                try await harness.expectMatches(truth, stream: Self.stream, sample: 10)
                let runTally = try await harness.rowTally(truth, stream: Self.stream)
                tally.lost += runTally.lost
                tally.duplicated += runTally.duplicated
                let record = try await harness.runRecord(summary.runId)
                let stats = try await harness.truth.stats()
                let busiest = Self.busiestWindow(stats, window: Self.budget.window)
                let checks = [
                    record.status == "succeeded", record.retries > 0, record.rateLimited > 0,
                    record.requests == stats["rawDataRequests"] as? Int, busiest <= Self.budget.limit,
                    run == 0 ? record.inserted == truth.conversationCount : record.updated > 0,
                ]
                #expect(checks.allSatisfy { $0 }, "run \(run + 1): \(record), busiest window \(busiest) requests")
                passed = passed && checks.allSatisfy { $0 }
            }
            #expect(tally == RowTally())
            ScenarioReport.record(
                "fault soak: 429s, 5xx, truncated, slow, dropped; epochs move", runs: Self.size.runs,
                passed: passed, lost: tally.lost, duplicated: tally.duplicated)
        }
    }

    /// The most raw data requests the mock saw arrive within any `window`.
    static func busiestWindow(_ stats: [String: Any], window: Duration) -> Int {
        let times = ((stats["requestTimesMs"] as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.int64Value }.sorted()
        let span = window.components.seconds * 1_000
        var busiest = 0
        var first = 0
        for (index, time) in times.enumerated() {
            while time - times[first] >= span { first += 1 }
            busiest = max(busiest, index - first + 1)
        }
        return busiest
    }
}

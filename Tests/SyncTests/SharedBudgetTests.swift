import Foundation
import Postgres
import QualityAI
import TestSupport
import Testing
import Warehouse

/// Issue 15, part 3: one request budget per API account, shared through the warehouse. Two
/// loaders of one account (each with its own budget and warehouse connection, as two processes
/// have) load two streams at once against the mock over HTTP; the mock counts what arrives. The
/// window is shortened to seconds so that the budget binds within a test.
@Suite struct SharedBudgetTests {
    static let streams = ["st-a", "st-b"]
    static let account = "acc-sync"

    /// Arrival times at the mock, in milliseconds, oldest first.
    static func arrivals(_ harness: SyncHarness) async throws -> [Int64] {
        let stats = try await harness.truth.stats()
        let times = stats["requestTimesMs"] as? [Any] ?? []
        return times.compactMap { ($0 as? NSNumber)?.int64Value }
    }

    /// The most requests that arrived within any `window` milliseconds.
    static func busiestWindow(_ times: [Int64], window: Int64) -> Int {
        var most = 0
        var first = 0
        for last in times.indices {
            while times[last] - times[first] >= window { first += 1 }
            most = max(most, last - first + 1)
        }
        return most
    }

    static func budget(_ harness: SyncHarness, limit: Int, window: Duration) async -> SharedRequestBudget {
        await SharedRequestBudget.open(
            accountId: account, requestsPerMinute: limit, database: harness.database, schema: harness.schema,
            window: window, logger: harness.logger)
    }

    @Test("two loaders of one account stay under the account's budget together; the mock answers no 429")
    func twoLoadersShareTheBudget() async throws {
        try await SyncHarness.with(conversations: 900, days: 3, streams: Self.streams) { harness in
            // The mock's limiter admits 4 requests in any 2 s; each loader's budget allows 4 in 4 s (the
            // mock stamps an arrival when its event loop gets to it, late on a loaded machine).
            try await harness.truth.setFaults(#"{"requestsPerMinute": 4, "rateWindowMilliseconds": 2000}"#)
            try await harness.truth.resetStats()
            let first = await Self.budget(harness, limit: 4, window: .seconds(4))
            let second = await Self.budget(harness, limit: 4, window: .seconds(4))
            async let a = harness.run(
                harness.backfill(streams: ["st-a"]), client: try harness.client(limiter: first))
            async let b = harness.run(
                harness.backfill(streams: ["st-b"]), client: try harness.client(limiter: second))
            let (runA, runB) = try await (a, b)
            let shared = (await first.isShared, await second.isShared)
            #expect(shared == (true, true), "a budget lost the warehouse")
            await first.close()
            await second.close()
            let stats = try await harness.truth.stats()
            let faults = stats["faults"] as? [String: Int] ?? [:]
            #expect(faults["rateLimitExceeded", default: 0] == 0, "the mock answered 429: \(faults)")
            let times = try await Self.arrivals(harness)
            let requests =
                try await harness.runRecord(runA.runId).requests
                + harness.runRecord(runB.runId).requests
            #expect(times.count == requests && requests > 8, "\(times.count) arrivals, \(requests) requests")
            #expect(Self.busiestWindow(times, window: 2_000) <= 4)
            for stream in Self.streams {
                let truth = try await harness.truth.window(stream: stream)
                try await harness.expectMatches(truth, stream: stream, ownsDimensions: false)
            }
        }
    }

    @Test("a 429 one loader sees pauses the other loader of the account")
    func rateLimitPausesTheOther() async throws {
        try await SyncHarness.with(conversations: 1_000, days: 2, streams: Self.streams) { harness in
            // The 6th request is answered 429 with Retry-After: 2; every answer takes 200 ms.
            try await harness.truth.setFaults(
                #"{"rateLimitEvery": 6, "retryAfterSeconds": 2, "maxFaultsInARow": 1, "delayMilliseconds": 200}"#)
            try await harness.truth.resetStats()
            let first = await Self.budget(harness, limit: 1_000, window: .seconds(60))
            let second = await Self.budget(harness, limit: 1_000, window: .seconds(60))
            async let a = harness.run(
                harness.backfill(streams: ["st-a"], concurrency: 1), client: try harness.client(limiter: first))
            async let b = harness.run(
                harness.backfill(streams: ["st-b"], concurrency: 1), client: try harness.client(limiter: second))
            let (runA, runB) = try await (a, b)
            await first.close()
            await second.close()
            let times = try await Self.arrivals(harness)
            try #require(times.count > 12, "\(times.count) arrivals")
            // Requests already on their way arrive within the 429's 200 ms (the other loader has one
            // at most, and a loaded machine may hold it back a little longer); after that nobody may
            // send until the pause ends, 2 s after the 429 was answered. Unshared, the other loader
            // would send about 5 in that time.
            let limited = times[5]
            let during = times.filter { $0 > limited + 500 && $0 < limited + 1_700 }
            #expect(during.count <= 1, "\(during.map { $0 - limited }) ms after the 429")
            let after = times.filter { $0 >= limited + 1_700 }
            #expect(!after.isEmpty, "both loaders went on after the pause")
            let rateLimited =
                try await harness.runRecord(runA.runId).rateLimited
                + harness.runRecord(runB.runId).rateLimited
            #expect(rateLimited >= 1)
            for stream in Self.streams {
                let truth = try await harness.truth.window(stream: stream)
                try await harness.expectMatches(truth, stream: stream, ownsDimensions: false)
            }
        }
    }

    @Test("a budget whose warehouse cannot be reached keeps its own limit")
    func unreachableWarehouseKeepsTheLocalLimit() async throws {
        let nowhere = DatabaseConfiguration(
            connectionString: "postgresql://qai@127.0.0.1:1/none", connectTimeoutSeconds: 2)
        let budget = await SharedRequestBudget.open(
            accountId: Self.account, requestsPerMinute: 3, database: nowhere, schema: try Identifier("qai"),
            window: .milliseconds(1_500), logger: testLogger)
        let shared = await budget.isShared
        #expect(!shared)
        let began = ContinuousClock.now
        for _ in 0..<4 {
            let grant = try await budget.acquire()
            await budget.release(grant)
        }
        // The fourth request waits until the first left the window.
        #expect(ContinuousClock.now - began >= .milliseconds(1_400))
        await budget.close()
    }

    @Test("the shared budget counts every request of the account in the warehouse, and a pause is visible there")
    func budgetIsRecordedInTheWarehouse() async throws {
        try await SyncHarness.with(conversations: 50, days: 2) { harness in
            try await harness.truth.resetStats()
            let budget = await Self.budget(harness, limit: 100, window: .seconds(60))
            let summary = try await harness.run(harness.backfill(), client: try harness.client(limiter: budget))
            // An hour, so the pause is still in force however slowly a loaded machine gets to the status.
            let before = try await harness.integer("SELECT floor(extract(epoch FROM clock_timestamp()))::bigint")
            await budget.rateLimited(for: .seconds(3_600), reason: "HTTP 429 for stream st-sync")
            await budget.close()
            let after = try await harness.integer("SELECT ceil(extract(epoch FROM clock_timestamp()))::bigint")
            let record = try await harness.runRecord(summary.runId)
            let arrived = try await harness.truth.stats()["rawDataRequests"] as? Int
            #expect(record.requests == arrived && record.requests > 0)
            let counted = try await harness.integer(
                "SELECT count(*) FROM qai.etl_account_request WHERE account_id = \(Self.account) AND completed_at IS NOT NULL"
            )
            #expect(counted == record.requests, "every request was taken and released in the warehouse")
            let recent =
                "SELECT count(*) FROM qai.etl_account_request WHERE completed_at > now() - interval '60.5 seconds'"
            let recentBefore = try await harness.integer(Query(unsafeSQL: recent))
            let status = try await StatusReader(schema: harness.schema).read(on: harness.observer)
            let recentAfter = try await harness.integer(Query(unsafeSQL: recent))
            let shown = try #require(status.budgets.first)
            #expect(status.budgets.count == 1 && shown.accountId == Self.account)
            #expect((recentAfter...recentBefore).contains(shown.requestsInWindow), "\(shown.requestsInWindow)")
            #expect(shown.paused && shown.pauseReason == "HTTP 429 for stream st-sync")
            let pausedUntil = Int(shown.pausedUntil ?? 0)
            #expect(
                (before + 3_599...after + 3_601).contains(pausedUntil),
                "paused until \(pausedUntil), asked at \(before)")
        }
    }
}

import Testing

@testable import QualityAI

@Suite struct ClientRateLimiterTests {
    @Test func sequentialCallersGetBurstsOfTheBudgetOncePerWindow() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(limit: 3, per: .seconds(60), clock: clock)
        var starts: [Duration] = []
        for _ in 0..<7 { starts.append(try await limiter.acquire().start) }
        #expect(starts == [.zero, .zero, .zero, .seconds(60), .seconds(60), .seconds(60), .seconds(120)])
    }

    @Test func aCallerWaitsOnlyUntilTheOldestStartLeavesTheWindow() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(limit: 2, per: .seconds(60), clock: clock)
        #expect(try await limiter.acquire().start == .zero)
        try await clock.sleep(for: .seconds(25))
        #expect(try await limiter.acquire().start == .seconds(25))
        let third = try await limiter.acquire()
        #expect(third.start == .seconds(60))
        #expect(third.waited == .seconds(35))
        #expect(try await limiter.acquire().start == .seconds(85))
    }

    @Test func aReleasedSlotIsFreeOneWindowAfterTheResponseNotTheStart() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(limit: 1, per: .seconds(60), clock: clock)
        let slow = try await limiter.acquire()
        try await clock.sleep(for: .seconds(3))
        await limiter.release(slow)
        #expect(try await limiter.acquire().start == .seconds(63))
    }

    @Test func aReleaseBeforeTheWindowEndsNeverShortensIt() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(limit: 1, per: .seconds(60), clock: clock)
        let first = try await limiter.acquire()
        await limiter.release(first)
        await limiter.release(first)
        #expect(try await limiter.acquire().start == .seconds(60))
    }

    @Test func thePerMinuteBudgetHasHalfASecondOfSlack() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerMinute: 1, clock: clock)
        #expect(limiter.window == .milliseconds(60_500))
        try await limiter.acquire()
        #expect(try await limiter.acquire().start == .milliseconds(60_500))
    }

    @Test func zeroMeansUnlimited() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(requestsPerMinute: 0, clock: clock)
        for _ in 0..<1_000 { try await limiter.acquire() }
        #expect(clock.now() == .zero)
        #expect(clock.sleptDurations.isEmpty)
    }

    @Test func concurrentCallersNeverExceedTheBudgetInAnyWindow() async throws {
        let clock = VirtualClock()
        let limit = 4
        let limiter = RateLimiter(limit: limit, per: .seconds(60), clock: clock)
        let starts = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<5 {
                group.addTask {
                    var mine: [Duration] = []
                    for _ in 0..<10 { mine.append(try await limiter.acquire().start) }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted()
        }
        #expect(starts.count == 50)
        for index in limit..<starts.count {
            #expect(starts[index] - starts[index - limit] >= .seconds(60))
        }
        #expect(starts.last! >= .seconds(60 * 12))
    }

    @Test func aCancelledWaiterGivesUp() async throws {
        let clock = VirtualClock()
        let limiter = RateLimiter(limit: 1, per: .seconds(60), clock: clock)
        try await limiter.acquire()
        let waiter = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await limiter.acquire()
        }
        await #expect(throws: CancellationError.self) { try await waiter.value }
    }
}

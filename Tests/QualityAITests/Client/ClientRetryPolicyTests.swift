import Testing

@testable import QualityAI

@Suite struct ClientRetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(500), maxDelay: .seconds(30))

    @Test func ceilingDoublesFromTheBaseUpToTheCap() {
        let ceilings = (1...9).map { policy.backoffCeiling(attempt: $0) }
        let expected: [Duration] = [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30),
            .seconds(30), .seconds(30),
        ]
        #expect(ceilings == expected)
        #expect(policy.backoffCeiling(attempt: 10_000) == .seconds(30))
    }

    @Test func fullJitterSpreadsOverTheWholeRange() {
        var generator = SeededGenerator(state: 42)
        let samples = (0..<2_000).map { _ in policy.jitteredBackoff(attempt: 4, using: &generator) }
        #expect(samples.allSatisfy { $0 >= .zero && $0 <= .seconds(4) })
        #expect(samples.min()! < .milliseconds(100))
        #expect(samples.max()! > .milliseconds(3_900))
    }

    @Test func sameSeedGivesTheSameDelays() {
        var first = SeededGenerator(state: 7)
        var second = SeededGenerator(state: 7)
        let error = APIError(code: .server, status: 503)
        let a = (1...4).map { policy.delay(after: error, attempt: $0, using: &first) }
        let b = (1...4).map { policy.delay(after: error, attempt: $0, using: &second) }
        #expect(a == b)
    }

    @Test(arguments: [APIError.Code.rateLimited, .server, .transport, .timeout, .invalidResponse])
    func transientFailuresAreRetriedUntilTheLastAttempt(code: APIError.Code) {
        var generator = SeededGenerator(state: 1)
        let error = APIError(code: code)
        for attempt in 1...4 { #expect(policy.delay(after: error, attempt: attempt, using: &generator) != nil) }
        #expect(policy.delay(after: error, attempt: 5, using: &generator) == nil)
    }

    @Test(arguments: [
        APIError.Code.unauthorized, .forbidden, .badRequest, .streamNotFound, .unexpectedStatus, .stuckPaging,
        .incompleteWindow, .configuration, .responseTooLarge, .cancelled,
    ])
    func finalFailuresAreNeverRetried(code: APIError.Code) {
        var generator = SeededGenerator(state: 1)
        #expect(policy.delay(after: APIError(code: code), attempt: 1, using: &generator) == nil)
    }

    @Test func retryAfterIsAFloorAndIsCapped() {
        var generator = SeededGenerator(state: 3)
        let asked = APIError(code: .rateLimited, status: 429, retryAfter: .seconds(7))
        for attempt in 1...4 {
            let wait = policy.delay(after: asked, attempt: attempt, using: &generator)!
            #expect(wait >= .seconds(7))
            #expect(wait <= .seconds(8))
        }
        let huge = APIError(code: .server, status: 503, retryAfter: .seconds(86_400))
        #expect(policy.delay(after: huge, attempt: 1, using: &generator) == .seconds(300))
    }

    @Test func rateLimitedWithoutRetryAfterWaitsAtLeastASecond() {
        var generator = SeededGenerator(state: 9)
        let error = APIError(code: .rateLimited, status: 429)
        for _ in 0..<200 {
            #expect(policy.delay(after: error, attempt: 1, using: &generator)! == .seconds(1))
        }
    }

    @Test func zeroBaseMeansNoWait() {
        var generator = SeededGenerator(state: 5)
        let instant = RetryPolicy(maxAttempts: 3, baseDelay: .zero, maxDelay: .zero, rateLimitedMinimumDelay: .zero)
        #expect(instant.delay(after: APIError(code: .server), attempt: 1, using: &generator) == .zero)
    }
}

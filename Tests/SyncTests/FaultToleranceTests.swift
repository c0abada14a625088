import Testing

/// Issue 5 acceptance: the vendor's failure modes cost retries, never data.
@Suite struct FaultToleranceTests {
    static let faults = """
        {"rateLimitEvery":7,"retryAfter":"none","rateLimitBodyEvery":23,"rateLimitBodyStatus":200,
        "serverErrorRate":0.05,"truncatedBodyEvery":11,"htmlErrorEvery":13,"dropConnectionEvery":17,
        "maxFaultsInARow":3}
        """
    static let injected = [
        "rateLimited", "rateLimitBody", "serverError", "truncatedBody", "htmlError", "droppedConnection",
    ]

    @Test(
        "with 429s, rate-limit bodies, 5xx, truncated bodies, HTML pages and dropped connections on, a backfill equals the truth"
    )
    func backfillThroughFaultsEqualsTruth() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 21) { harness in
            try await harness.truth.setFaults(Self.faults)
            let summary = try await harness.run(harness.backfill())
            let stats = try await harness.truth.stats()
            let truth = try await harness.truth.window(stream: "st-sync")
            try await harness.expectMatches(truth, stream: "st-sync")
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded" && record.inserted == truth.conversationCount)
            #expect(record.retries > 0)
            #expect(record.rateLimited > 0)
            let faults = stats["faults"] as? [String: Int] ?? [:]
            for fault in Self.injected {
                #expect(faults[fault, default: 0] > 0, "the mock injected no \(fault)")
            }
            // Every injected fault failed one attempt, and every failed attempt was retried once.
            #expect(record.requests == stats["rawDataRequests"] as? Int)
            #expect(record.retries == Self.injected.reduce(0) { $0 + faults[$1, default: 0] })
            #expect(record.rateLimited == faults["rateLimited", default: 0] + faults["rateLimitBody", default: 0])
        }
    }
}

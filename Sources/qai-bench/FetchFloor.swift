import QualityAI

/// Floor part (a): fetch and decode the same slices through `RawDataClient.fetchWindow`, as many
/// at a time as the loader fetches, and discard the pages (no database).
enum FetchFloor {
    struct Outcome {
        var seconds: Double
        var conversations: Int
        var requests: Int
    }

    static func run(_ fixture: SyncFixture) async throws -> Outcome {
        let client = try fixture.makeClient()
        let slices = fixture.slices
        let concurrency = max(1, fixture.request.concurrency)
        var conversations = 0
        let seconds = try await Figures.time {
            conversations = try await withThrowingTaskGroup(of: Int.self) { group in
                var queue = slices[...]
                for _ in 0..<concurrency {
                    guard let next = queue.popFirst() else { break }
                    group.addTask {
                        try await client.fetchWindow(streamId: next.streamId, window: next.window).conversations.count
                    }
                }
                var total = 0
                while let count = try await group.next() {
                    total += count
                    if let next = queue.popFirst() {
                        group.addTask {
                            try await client.fetchWindow(streamId: next.streamId, window: next.window).conversations
                                .count
                        }
                    }
                }
                return total
            }
        }
        return Outcome(seconds: seconds, conversations: conversations, requests: client.statistics.snapshot().requests)
    }
}

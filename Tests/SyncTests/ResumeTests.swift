import MockAPI
import Postgres
import Testing

/// Issue 5 acceptance: a failed run leaves committed slices behind, and a rerun picks up the rest.
@Suite struct ResumeTests {
    @Test("a backfill that fails midway is recorded failed with done slices; a rerun resumes and equals the truth")
    func failedBackfillResumes() async throws {
        try await SyncHarness.with(conversations: 2_000, days: 10) { harness in
            let stream = "st-sync"
            // One slice at a time, each committed on its own; the 9th request gets an HTML page and a
            // client that never retries gives up on it.
            // Every planned day on its own (not joined into wide slices): the 9th request is then a
            // page of the 5th day or so. `FollowDataTests` resumes a run of wide slices.
            var request = harness.backfill(concurrency: 1, batchConversations: 1)
            request.followsData = false
            try await harness.truth.setFaults(#"{"htmlErrorEvery":9}"#)
            let fragile = try harness.client { $0.maxAttempts = 1 }
            await #expect(throws: (any Error).self) { try await harness.run(request, client: fragile) }
            let failed = try await harness.runRecord(1)  // the fresh database's first run
            #expect(failed.status == "failed" && failed.error != nil)
            #expect(!(failed.error ?? "").contains(MockAPIConfiguration.defaultClientSecret))
            let done = try await harness.query(
                """
                SELECT extract(epoch FROM window_start)::bigint, extract(epoch FROM window_end)::bigint
                FROM qai.etl_slice WHERE status = 'done' ORDER BY 1
                """)
            #expect(done.count > 0 && done.count < request.slices.count)
            var committed: [String] = []
            for row in done {
                let (from, to) = (try row.decode(0, as: Int64.self), try row.decode(1, as: Int64.self))
                committed += try await harness.truth.window(stream: stream, from: from, to: to).ids
            }
            #expect(
                try await harness.strings("SELECT conversation_id FROM qai.fact_conversation") == committed.sorted())
            #expect(failed.inserted == committed.count)

            try await harness.truth.setFaults("{}")
            let resumed = try await harness.run(request)
            #expect(resumed.resumedSlices == done.count)
            let truth = try await harness.truth.window(stream: stream)
            try await harness.expectMatches(truth, stream: stream)
            let record = try await harness.runRecord(resumed.runId)
            #expect(record.status == "succeeded")
            #expect(record.inserted == truth.conversationCount - committed.count)
            #expect(record.updated == 0 && record.unchanged == 0)
        }
    }
}

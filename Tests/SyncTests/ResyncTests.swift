import Postgres
import Testing

/// Issue 5 acceptance: re-running over loaded data writes only what changed at the source.
@Suite struct ResyncTests {
    static let stream = "st-sync"

    @Test("after the mock's epoch advances, a second run updates exactly the conversations whose truth changed")
    func resyncUpdatesOnlyChangedConversations() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 21) { harness in
            let first = try await harness.run(harness.backfill())
            let before = try await WriteProbe.settled(on: harness.observer)
            let epoch = try await harness.truth.advanceEpoch()
            let ids = try await harness.truth.window(stream: Self.stream).ids
            let old = try await harness.truth.conversations(
                ConversationFacts.self, stream: Self.stream, ids: ids, epoch: epoch - 1)
            let new = try await harness.truth.conversations(
                ConversationFacts.self, stream: Self.stream, ids: ids, epoch: epoch)
            let changed = Set(ids.filter { old[$0] != new[$0] })
            let reaudited = Set(ids.filter { old[$0]?.audit != new[$0]?.audit })
            #expect(!reaudited.isEmpty && changed.count < ids.count, "the epoch must change some, not all")

            let second = try await harness.run(harness.backfill())
            let after = try await WriteProbe.settled(on: harness.observer)
            #expect(try await harness.runRecord(first.runId).inserted == ids.count)
            let record = try await harness.runRecord(second.runId)
            #expect(record.status == "succeeded")
            #expect(record.inserted == 0 && record.updated == changed.count)
            #expect(record.unchanged == ids.count - changed.count)
            let rewritten = try await harness.strings(
                "SELECT conversation_id FROM qai.fact_conversation WHERE last_run_id = \(second.runId)")
            #expect(Set(rewritten) == changed)
            #expect(
                after.dataWrites(since: before)["fact_conversation"]
                    == WriteProbe.Counts(inserted: 0, updated: changed.count, deleted: 0))
            let history = try await harness.strings(
                "SELECT conversation_id FROM qai.fact_audit_history WHERE run_id = \(second.runId)")
            #expect(history.count == reaudited.count && Set(history) == reaudited)
            #expect(
                try await harness.integer("SELECT count(*) FROM qai.fact_audit_history") == ids.count + reaudited.count)
            // Every conversation, re-audited or not, now reads as the new epoch's truth.
            try await harness.expectStored(equal: new)
            try await expectCurrentAgentNames(harness, old: old, new: new)
        }
    }

    /// `dim_agent` holds every agent's current name, and the epoch renamed at least one.
    private func expectCurrentAgentNames(
        _ harness: SyncHarness, old: [String: ConversationFacts], new: [String: ConversationFacts]
    ) async throws {
        func names(_ facts: [String: ConversationFacts]) -> [String: String] {
            var names: [String: String] = [:]
            for agent in facts.values.flatMap(\.agents) {
                if let id = agent.agentId { names[id] = agent.agentName }
            }
            return names
        }
        let current = names(new)
        let renamed = current.filter { names(old)[$0.key] != $0.value }
        #expect(!renamed.isEmpty)
        var stored: [String: String] = [:]
        for row in try await harness.query("SELECT agent_id, agent_name FROM qai.dim_agent") {
            stored[row[0] ?? ""] = row[1]
        }
        #expect(stored == current)
    }

    @Test("a run with nothing changed writes zero rows to facts, bridges and dimensions, before and after an epoch")
    func unchangedRunWritesNothing() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 21) { harness in
            let count = try await harness.truth.window(stream: Self.stream).conversationCount
            _ = try await harness.run(harness.backfill())
            try await expectNoDataWrites(harness, conversations: count)
            _ = try await harness.truth.advanceEpoch()
            let resync = try await harness.run(harness.backfill())
            #expect(try await harness.runRecord(resync.runId).updated > 0)
            try await expectNoDataWrites(harness, conversations: count)
        }
    }

    /// Runs the same backfill again and expects it to write nothing but its own bookkeeping.
    private func expectNoDataWrites(_ harness: SyncHarness, conversations: Int) async throws {
        let before = try await WriteProbe.settled(on: harness.observer)
        let summary = try await harness.run(harness.backfill())
        let after = try await WriteProbe.settled(on: harness.observer)
        #expect(after.dataWrites(since: before) == [:])
        #expect(after.changedTables(since: before) == [])
        #expect(after.versions.keys.contains("fact_conversation") && after.versions.keys.contains("dim_agent"))
        let record = try await harness.runRecord(summary.runId)
        #expect(record.status == "succeeded" && record.fetched == conversations)
        #expect(record.unchanged == conversations && record.inserted == 0 && record.updated == 0)
        #expect(summary.totals.load.unchanged == conversations)
    }
}

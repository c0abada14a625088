import Postgres
import TestSupport
import Testing

extension SyncHarness {
    /// Expects the warehouse's rows of `stream` to equal the mock's truth: ids, counts by status and
    /// direction, child rows, dimensions, score sums, conversations per day, and `sample`
    /// conversations field by field. `ownsDimensions`: no other stream was loaded, so the
    /// dimension tables hold exactly this stream's agents, queues and metrics.
    func expectMatches(
        _ truth: WindowTruthReport, stream: String, sample: Int = 20, ownsDimensions: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        // `$1` is the stream in every statement below.
        let facts = "qai.fact_conversation f WHERE f.stream_id = $1"
        let children = "JOIN qai.fact_conversation f USING (conversation_id) WHERE f.stream_id = $1"
        let (metrics, agents, queues) = (
            "qai.fact_metric JOIN qai.dim_metric d USING (metric_key)",
            "qai.bridge_conversation_agent JOIN qai.dim_agent d USING (agent_key)",
            "qai.bridge_conversation_queue JOIN qai.dim_queue d USING (queue_key)"
        )
        let on = { (sql: String) in Query(unsafeSQL: sql, binds: [stream]) }
        let ids = try await strings(on("SELECT conversation_id FROM \(facts)"))
        #expect(ids.count == truth.conversationCount, sourceLocation: sourceLocation)
        #expect(ids == truth.ids, "conversation ids differ", sourceLocation: sourceLocation)
        // Dimension keys are not declared foreign keys (migration 0005): the loader must keep them whole.
        let orphans = try await integer(
            Query(
                unsafeSQL: """
                    SELECT (SELECT count(*) FROM qai.fact_metric t WHERE NOT EXISTS
                            (SELECT 1 FROM qai.dim_metric d WHERE d.metric_key = t.metric_key))
                        + (SELECT count(*) FROM qai.bridge_conversation_agent t WHERE NOT EXISTS
                            (SELECT 1 FROM qai.dim_agent d WHERE d.agent_key = t.agent_key))
                        + (SELECT count(*) FROM qai.bridge_conversation_queue t WHERE NOT EXISTS
                            (SELECT 1 FROM qai.dim_queue d WHERE d.queue_key = t.queue_key))
                        + (SELECT count(*) FROM qai.fact_conversation_intent t WHERE NOT EXISTS
                            (SELECT 1 FROM qai.dim_intent d WHERE d.intent_key = t.intent_key))
                    """))
        #expect(
            orphans == 0, "fact and bridge rows whose dimension key has no dimension row",
            sourceLocation: sourceLocation)
        let nonzero = { (counts: [String: Int]) in counts.filter { $0.value > 0 } }
        #expect(
            try await counts(on("SELECT coalesce(duration_status, 'null'), count(*) FROM \(facts) GROUP BY 1"))
                == nonzero(truth.byDurationStatus), sourceLocation: sourceLocation)
        #expect(
            try await counts(on("SELECT contact_direction, count(*) FROM \(facts) GROUP BY 1"))
                == nonzero(truth.byDirection), sourceLocation: sourceLocation)
        #expect(
            try await counts(on("SELECT audit_status, count(*) FROM \(facts) GROUP BY 1"))
                == nonzero(truth.byAuditStatus),
            sourceLocation: sourceLocation)
        #expect(
            try await integer(on("SELECT count(*) FROM qai.fact_metric \(children)")) == truth.metricEntryCount,
            sourceLocation: sourceLocation)
        #expect(
            try await integer(
                on("SELECT count(*) FROM \(metrics) \(children) AND d.metric_id_is_name"))
                == truth.metricEntriesWithoutId, sourceLocation: sourceLocation)
        // The mock lists an agent (and a queue) at most once per record, so every link is one bridge row.
        #expect(
            try await integer(on("SELECT count(*) FROM qai.bridge_conversation_agent \(children)"))
                == truth.agentLinkCount,
            sourceLocation: sourceLocation)
        #expect(
            try await integer(on("SELECT count(*) FROM qai.bridge_conversation_queue \(children)"))
                == truth.queueLinkCount,
            sourceLocation: sourceLocation)
        #expect(
            try await strings(
                on("SELECT DISTINCT d.agent_id FROM \(agents) \(children)")) == truth.distinctAgentIds,
            sourceLocation: sourceLocation)
        #expect(
            try await strings(
                on("SELECT DISTINCT d.queue_id FROM \(queues) \(children)")) == truth.distinctQueueIds,
            sourceLocation: sourceLocation)
        if ownsDimensions {
            #expect(
                try await strings("SELECT agent_id FROM qai.dim_agent") == truth.distinctAgentIds,
                sourceLocation: sourceLocation)
            #expect(
                try await strings("SELECT queue_id FROM qai.dim_queue") == truth.distinctQueueIds,
                sourceLocation: sourceLocation)
            #expect(
                try await strings("SELECT metric_id FROM qai.dim_metric WHERE NOT metric_id_is_name")
                    == truth.distinctMetricIds, sourceLocation: sourceLocation)
        }
        #expect(
            try await sumCount(
                on("SELECT coalesce(sum(kore_evaluation_score), 0)::bigint, count(kore_evaluation_score) FROM \(facts)")
            )
                == truth.evaluationScore, sourceLocation: sourceLocation)
        #expect(
            try await sumCount(on("SELECT coalesce(sum(audit_score), 0)::bigint, count(audit_score) FROM \(facts)"))
                == truth.auditScore, sourceLocation: sourceLocation)
        try await expectPerDay(truth, stream: stream, sourceLocation: sourceLocation)
        let step = max(1, truth.ids.count / max(sample, 1))
        let sampled = Array(stride(from: 0, to: truth.ids.count, by: step).prefix(sample).map { truth.ids[$0] })
        try await expectFieldByField(sampled, stream: stream, sourceLocation: sourceLocation)
    }

    /// Conversations per UTC day of their start equal the truth's `perDay`. A record without a start
    /// time has no date in the warehouse; those are counted on the date of the truth's `filterTime`,
    /// and there must be exactly `withoutStartTime` of them.
    func expectPerDay(_ truth: WindowTruthReport, stream: String, sourceLocation: SourceLocation) async throws {
        var perDay = try await counts(
            """
            SELECT to_char(conversation_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*)
            FROM qai.fact_conversation WHERE stream_id = \(stream) AND conversation_start IS NOT NULL GROUP BY 1
            """)
        let undated = try await strings(
            "SELECT conversation_id FROM qai.fact_conversation WHERE stream_id = \(stream) AND conversation_start IS NULL"
        )
        #expect(undated.count == truth.withoutStartTime, sourceLocation: sourceLocation)
        for (_, time) in try await self.truth.conversations(FilterTime.self, stream: stream, ids: undated) {
            perDay[String(time.filterTime.prefix(10)), default: 0] += 1
        }
        #expect(perDay == truth.perDay, sourceLocation: sourceLocation)
    }

    /// `ids` read back from facts, bridges and dimensions equal the truth's conversation detail.
    func expectFieldByField(
        _ ids: [String], stream: String, epoch: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let expected = try await truth.conversations(ConversationFacts.self, stream: stream, ids: ids, epoch: epoch)
        #expect(expected.count == ids.count, sourceLocation: sourceLocation)
        try await expectStored(equal: expected, sourceLocation: sourceLocation)
    }

    /// The warehouse's values of each conversation in `expected` equal it field by field.
    func expectStored(
        equal expected: [String: ConversationFacts], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let ids = expected.keys.sorted()
        let stored = try await ConversationFacts.stored(ids, on: observer)
        var mismatches = 0
        for id in ids {
            guard let truth = expected[id], let row = stored[id] else {
                Issue.record("conversation \(id) is missing from the warehouse", sourceLocation: sourceLocation)
                continue
            }
            let comparable = row.comparable(to: truth)
            if comparable != truth {
                mismatches += 1
                if mismatches <= 5 {
                    #expect(comparable == truth, "conversation \(id)", sourceLocation: sourceLocation)
                }
            }
        }
        #expect(mismatches == 0, "conversations that differ from the truth", sourceLocation: sourceLocation)
    }

    /// The first column of every row, sorted by Swift's string order.
    func strings(_ query: Query) async throws -> [String] {
        try await observer.execute(query).compactMap { $0[0] }.sorted()
    }

    /// Rows of (text, count) as a dictionary.
    func counts(_ query: Query) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await observer.execute(query) {
            result[row[0] ?? "null"] = try row.decode(1, as: Int.self) ?? -1
        }
        return result
    }

    private func sumCount(_ query: Query) async throws -> WindowTruthReport.SumCount {
        let row = try await observer.execute(query).first
        return .init(sum: try row?.decode(0, as: Int.self) ?? -1, count: try row?.decode(1, as: Int.self) ?? -1)
    }
}

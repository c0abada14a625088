import Postgres
import TestSupport

/// Rows a warehouse lacks, and rows it holds beyond, compared with the mock's truth of one stream:
/// conversations (by id), metric entries, agent links and queue links.
struct RowTally: Sendable, Equatable {
    var lost = 0
    var duplicated = 0
}

extension SyncHarness {
    /// Compares the loaded rows of `stream` with `truth`, count by count and id by id.
    func rowTally(_ truth: WindowTruthReport, stream: String) async throws -> RowTally {
        try await rowTally(
            ids: truth.ids, metricEntries: truth.metricEntryCount, agentLinks: truth.agentLinkCount,
            queueLinks: truth.queueLinkCount, stream: stream)
    }

    /// Compares the loaded rows of `stream` with the truth's conversation ids and child row counts.
    func rowTally(ids truthIds: [String], metricEntries: Int, agentLinks: Int, queueLinks: Int, stream: String)
        async throws -> RowTally
    {
        let ids = Set(
            try await query(
                Query(
                    unsafeSQL: "SELECT conversation_id FROM qai.fact_conversation WHERE stream_id = $1", binds: [stream]
                )
            ).map { $0[0] ?? "" })
        let truthIds = Set(truthIds)
        var tally = RowTally(lost: truthIds.subtracting(ids).count, duplicated: ids.subtracting(truthIds).count)
        let children = "JOIN qai.fact_conversation f USING (conversation_id) WHERE f.stream_id = $1"
        let pairs: [(String, Int)] = [
            ("qai.fact_metric", metricEntries),
            ("qai.bridge_conversation_agent", agentLinks),
            ("qai.bridge_conversation_queue", queueLinks),
        ]
        for (table, expected) in pairs {
            let loaded = try await integer(
                Query(unsafeSQL: "SELECT count(*) FROM \(table) \(children)", binds: [stream]))
            tally.lost += max(0, expected - loaded)
            tally.duplicated += max(0, loaded - expected)
        }
        return tally
    }
}

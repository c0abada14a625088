import Postgres
import QualityAI

/// What runs learned about how the API pages each stream (`etl_stream_paging`).
public enum StreamPaging {
    /// Records what a run's client learned (streams it paged the default way are left alone).
    static func save(
        _ learned: [String: PagingKnowledge.Stream], runId: Int64, schema: Identifier, on connection: Connection
    ) async throws {
        for (stream, paging) in learned.sorted(by: { $0.key < $1.key }) {
            try await connection.execute(
                Query(
                    """
                    INSERT INTO \(schema, "etl_stream_paging") AS p (stream_id, model, max_offset, run_id, learned_at)
                    VALUES (\(stream), \(paging.model.rawValue), \(paging.maxOffset), \(runId), now())
                    ON CONFLICT (stream_id) DO UPDATE SET model = excluded.model, max_offset = excluded.max_offset,
                        run_id = excluded.run_id, learned_at = excluded.learned_at
                    """, name: "record a stream's paging"))
        }
    }

    /// Every recorded stream's paging, by stream id.
    public static func read(schema: Identifier, on connection: Connection) async throws -> [String: Recorded] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, model, max_offset, extract(epoch FROM learned_at)::bigint AS learned_at
                FROM \(schema, "etl_stream_paging")
                """, name: "read the streams' paging"))
        var recorded: [String: Recorded] = [:]
        for row in rows {
            recorded[row[0] ?? ""] = Recorded(
                model: row[1] ?? "page", maxOffset: try row.decode("max_offset", as: Int.self),
                learnedAt: try row.decode("learned_at", as: Int64.self) ?? 0)
        }
        return recorded
    }

    /// One stream's recorded paging.
    public struct Recorded: Sendable, Equatable {
        /// `page` or `offset` (see `etl_stream_paging.model`).
        public var model: String
        public var maxOffset: Int?
        /// Epoch seconds.
        public var learnedAt: Int64
    }
}

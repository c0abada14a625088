import Postgres
import QualityAI

/// When each part of a stream's time line was last fetched: its committed slices with their
/// completion times (`etl_slice.completed_at`, the loader's clock at commit).
public struct SweepHistory: Sendable, Equatable {
    public struct Slice: Sendable, Equatable {
        public var first: Int64
        /// Inclusive last second.
        public var last: Int64
        public var completedAt: Int64
        /// `etl_slice.reason`.
        public var reason: String?

        public init(first: Int64, last: Int64, completedAt: Int64, reason: String? = nil) {
            self.first = first
            self.last = last
            self.completedAt = completedAt
            self.reason = reason
        }
    }

    public var slices: [Slice]

    public init(slices: [Slice]) {
        self.slices = slices
    }

    /// The latest time at which every second of `window` had been fetched: slices overlapping it,
    /// newest first, are added until they cover it; nil when they never do.
    public func lastSwept(_ window: TimeWindow) -> Int64? { lastSweep(window)?.completedAt }

    /// The slice whose completion made `window` whole again last (see `lastSwept`).
    public func lastSweep(_ window: TimeWindow) -> Slice? {
        let overlapping = slices.filter { $0.first <= window.end && $0.last >= window.start }
            .sorted { $0.completedAt > $1.completedAt }
        var taken: [Coverage.Range] = []
        for slice in overlapping {
            taken.append(Coverage.Range(start: slice.first, end: slice.last + 1))
            let union = Coverage(ranges: taken)
            if union.ranges.contains(where: { $0.start <= window.start && window.end < $0.end }) {
                return slice
            }
        }
        return nil
    }

    /// Every stream's history, from `etl_slice` rows with status `done` that end at or after `since`.
    public static func read(schema: Identifier, since: Int64, on connection: Connection) async throws
        -> [String: SweepHistory]
    {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, extract(epoch FROM window_start)::bigint AS first,
                    extract(epoch FROM window_end)::bigint AS last,
                    extract(epoch FROM completed_at)::bigint AS completed, reason
                FROM \(schema, "etl_slice")
                WHERE status = 'done' AND completed_at IS NOT NULL AND window_end >= to_timestamp(\(since)::bigint)
                """, name: "read sweep history"))
        var slices: [String: [Slice]] = [:]
        for row in rows {
            guard let stream = row[0], let first = try row.decode("first", as: Int64.self),
                let last = try row.decode("last", as: Int64.self),
                let completed = try row.decode("completed", as: Int64.self)
            else { continue }
            slices[stream, default: []].append(
                Slice(
                    first: first, last: last, completedAt: completed, reason: try row.decode("reason", as: String.self))
            )
        }
        return slices.mapValues { SweepHistory(slices: $0) }
    }
}

import Postgres
import QualityAI

extension StatusReader {
    /// Every stream that has a watermark, a slice or conversations, by stream id.
    func streams(now: Int64, on connection: Connection) async throws -> [StreamStatus] {
        let positions = try await SyncPlanner.positions(schema: schema, on: connection)
        let counts = try await conversationCounts(on: connection)
        let completed = try await lastCompletedSlices(on: connection)
        let paging = try await StreamPaging.read(schema: schema, on: connection)
        let ids = Set(positions.keys).union(counts.keys).union(completed.keys).sorted()
        var streams: [StreamStatus] = []
        for id in ids {
            let position = positions[id]
            let watermark = position?.watermark
            var coverage: LookbackCoverage?
            if let watermark, lookbackDays > 0 {
                coverage = try await lookbackCoverage(stream: id, watermark: watermark, on: connection)
            }
            var stream = StreamStatus(
                streamId: id, watermark: watermark, lagSeconds: watermark.map { now - $0 },
                lookbackCursor: position?.lookbackCursor, lookback: coverage, lastSliceCompletedAt: completed[id],
                conversations: counts[id] ?? ConversationCounts())
            stream.paging = paging[id]
            if let position {
                stream.coveredFrom = position.coverage.start
                stream.coveredTo = position.resumePoint
                stream.gaps = position.coverage.gaps()
                if let resume = position.resumePoint, lookbackDays > 0 {
                    stream.resweep = try await daySweeps(
                        stream: id, from: resume - Int64(lookbackDays) * 86_400, to: resume, on: connection)
                }
            }
            streams.append(stream)
        }
        return streams
    }

    /// When each UTC day of `stream` from `from` to `to` was last fetched whole, with the reason of
    /// the fetch that completed it (the re-sweep policy's own view: `SweepHistory.lastSweep`).
    private func daySweeps(stream: String, from: Int64, to: Int64, on connection: Connection) async throws
        -> [DaySweep]
    {
        let history = try await SweepHistory.read(schema: schema, since: from, on: connection)[stream]
        guard let history else { return [] }
        let days = SlicePlanner.windows(from: from / 86_400 * 86_400, to: to, sliceSeconds: 86_400)
        return days.compactMap { day in
            history.lastSweep(day).map { DaySweep(day: day.start, lastSweptAt: $0.completedAt, reason: $0.reason) }
        }
    }

    /// Conversations per stream and audit status.
    private func conversationCounts(on connection: Connection) async throws -> [String: ConversationCounts] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, audit_status, count(*) AS n FROM \(schema, "fact_conversation")
                GROUP BY stream_id, audit_status
                """, name: "status conversation counts"))
        var counts: [String: ConversationCounts] = [:]
        for row in rows {
            counts[row[0] ?? "", default: ConversationCounts()].add(try row.decode("n") ?? 0, auditStatus: row[1])
        }
        return counts
    }

    /// When each stream's newest completed slice completed, epoch seconds.
    private func lastCompletedSlices(on connection: Connection) async throws -> [String: Int64] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, extract(epoch FROM max(completed_at))::bigint AS completed
                FROM \(schema, "etl_slice") WHERE status = 'done' GROUP BY stream_id
                """, name: "status last slices"))
        var completed: [String: Int64] = [:]
        for row in rows {
            if let stream = row[0], let time = try row.decode("completed", as: Int64.self) { completed[stream] = time }
        }
        return completed
    }

    /// Coverage of `[watermark - lookbackDays, watermark)` by slices completed in the last
    /// `sweptWithinDays` days.
    private func lookbackCoverage(stream: String, watermark: Int64, on connection: Connection) async throws
        -> LookbackCoverage
    {
        let start = watermark - Int64(lookbackDays) * 86_400
        let rows = try await connection.execute(
            Query(
                """
                SELECT extract(epoch FROM window_start)::bigint AS first,
                    extract(epoch FROM window_end)::bigint AS last
                FROM \(schema, "etl_slice")
                WHERE stream_id = \(stream) AND status = 'done'
                    AND completed_at >= now() - make_interval(days => \(sweptWithinDays)::int)
                    AND window_end >= to_timestamp(\(start)::bigint) AND window_start < to_timestamp(\(watermark)::bigint)
                """, name: "status lookback slices"))
        let slices = try rows.map { row in
            (first: try row.decode("first", as: Int64.self) ?? 0, last: try row.decode("last", as: Int64.self) ?? 0)
        }
        return LookbackCoverage(
            days: lookbackDays, windowStart: start, windowEnd: watermark, sweptWithinDays: sweptWithinDays,
            coveredSeconds: LookbackCoverage.coveredSeconds(start: start, end: watermark, slices: slices))
    }
}

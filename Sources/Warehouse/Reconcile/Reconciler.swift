import Logging
import Postgres
import QualityAI

/// `verify`: compares, per window (a day by default), the API's `totalResults` (one `limit=1`
/// request each, paced by the account's limiter) with the warehouse's count of conversations for
/// the same stream and time range (by conversation start, or, for a record without one, by the
/// API window it was fetched in: `fact_conversation.api_window_start`). Read-only apart from its `etl_run` row (command `verify`).
public struct Reconciler: Sendable {
    public let client: RawDataClient
    public let schema: Identifier
    public let logger: Logger

    public init(client: RawDataClient, schema: Identifier, logger: Logger) {
        self.client = client
        self.schema = schema
        self.logger = logger
    }

    /// Checks `[from, to)` of every stream, cut into `sliceSeconds` windows, `concurrency`
    /// requests at a time. Records a `verify` run; returns the checks in stream and time order.
    public func check(
        streams: [String], from: Int64, to: Int64, sliceSeconds: Int64, concurrency: Int,
        options: [String: String], on connection: Connection
    ) async throws -> [DayCheck] {
        let windows = SlicePlanner.windows(from: from, to: to, sliceSeconds: sliceSeconds)
        var targets: [String: [TimeWindow]] = [:]
        for stream in streams { targets[stream] = windows }
        return try await check(
            targets, sliceSeconds: sliceSeconds, concurrency: concurrency, options: options, on: connection)
    }

    /// Checks the given windows of each stream (each within one `sliceSeconds` bucket, as
    /// `SlicePlanner` cuts them). Records a `verify` run; returns the checks in stream and time order.
    public func check(
        _ targets: [String: [TimeWindow]], sliceSeconds: Int64, concurrency: Int, options: [String: String],
        on connection: Connection
    ) async throws -> [DayCheck] {
        try await Migrator(schema: schema).verifyCurrent(connection)
        let recorder = RunRecorder(schema: schema)
        let runId = try await recorder.start(command: .verify, options: options, on: connection)
        let before = client.statistics.snapshot()
        var totals = RunTotals()
        do {
            var checks: [DayCheck] = []
            for (stream, windows) in targets.sorted(by: { $0.key < $1.key }) {
                guard let from = windows.map(\.start).min(), let last = windows.map(\.end).max() else { continue }
                let held = try await warehouseCounts(
                    stream: stream, from: from, to: last + 1, sliceSeconds: sliceSeconds, on: connection)
                let totalsByWindow = try await apiTotals(stream: stream, windows: windows, concurrency: concurrency)
                for window in windows.sorted(by: { $0.start < $1.start }) {
                    let bucket = window.start / sliceSeconds
                    checks.append(
                        DayCheck(
                            streamId: stream, window: window, apiTotal: totalsByWindow[window.start] ?? 0,
                            warehouse: held.conversations[bucket] ?? 0, quarantined: held.quarantined[bucket] ?? 0))
                }
            }
            totals.requests = client.statistics.snapshot().minus(before)
            try await recorder.finish(runId: runId, status: .succeeded, totals: totals, error: nil, on: connection)
            logger.info(
                "verify.finished",
                metadata: [
                    "run.id": "\(runId)", "verify.windows": "\(checks.count)",
                    "verify.differing": "\(checks.filter(\.differs).count)",
                    "verify.requests": "\(totals.requests.requests)",
                ])
            return checks
        } catch {
            totals.requests = client.statistics.snapshot().minus(before)
            try? await recorder.finish(
                runId: runId, status: .failed, totals: totals, error: "\(error)", on: connection)
            throw error
        }
    }

    /// The API's total per window (keyed by window start), `concurrency` requests at a time.
    private func apiTotals(stream: String, windows: [TimeWindow], concurrency: Int) async throws -> [Int64: Int] {
        let client = self.client
        return try await withThrowingTaskGroup(of: (Int64, Int).self) { group in
            var totals: [Int64: Int] = [:]
            var queue = windows[...]
            var running = 0
            while true {
                while running < max(1, concurrency), let window = queue.popFirst() {
                    running += 1
                    group.addTask { (window.start, try await client.countWindow(streamId: stream, window: window)) }
                }
                guard let (start, total) = try await group.next() else { break }
                running -= 1
                totals[start] = total
            }
            return totals
        }
    }

    /// Conversations and distinct quarantined records of `stream` in `[from, to)`, per
    /// `floor(epoch / sliceSeconds)` bucket.
    private func warehouseCounts(
        stream: String, from: Int64, to: Int64, sliceSeconds: Int64, on connection: Connection
    ) async throws -> (conversations: [Int64: Int], quarantined: [Int64: Int]) {
        let conversations = try await connection.execute(
            Query(
                """
                SELECT floor(extract(epoch FROM coalesce(conversation_start, api_window_start)) / \(sliceSeconds)::bigint)::bigint
                    AS bucket, count(*) AS n
                FROM \(schema, "fact_conversation")
                WHERE stream_id = \(stream) AND coalesce(conversation_start, api_window_start) >= to_timestamp(\(from)::bigint)
                    AND coalesce(conversation_start, api_window_start) < to_timestamp(\(to)::bigint)
                GROUP BY 1
                """, name: "verify warehouse counts"))
        let quarantined = try await connection.execute(
            Query(
                """
                SELECT floor(extract(epoch FROM window_start) / \(sliceSeconds)::bigint)::bigint AS bucket,
                    count(DISTINCT md5(raw)) AS n
                FROM \(schema, "etl_rejected")
                WHERE stream_id = \(stream) AND window_start >= to_timestamp(\(from)::bigint)
                    AND window_end < to_timestamp(\(to)::bigint)
                GROUP BY 1
                """, name: "verify quarantined counts"))
        func buckets(_ rows: Rows) throws -> [Int64: Int] {
            var counts: [Int64: Int] = [:]
            for row in rows {
                if let bucket = try row.decode("bucket", as: Int64.self) { counts[bucket] = try row.decode("n") ?? 0 }
            }
            return counts
        }
        return (try buckets(conversations), try buckets(quarantined))
    }
}

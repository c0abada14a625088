import MockAPI
import Postgres
import Warehouse

/// Changes never captured inside the lookback window. A conversation is inside the window at a
/// night whose cut-off minus `lookbackDays` is at or before its start; its last such night is its
/// exit. Every audit change (from the mock's truth) made at or before the exit must have been seen
/// by a fetch: one whose time (`etl_slice.completed_at` of the newest slice holding the
/// conversation's start) is at or after the change.
enum LifecycleMisses {
    static func count(
        lastNight: Int64, settle: Int64, lookbackDays: Int, control: MockControl, schema: Identifier,
        on connection: Connection
    ) async throws -> Int {
        let lookback = Int64(lookbackDays) * LifecycleBenchmark.day
        let rows = try await connection.execute(
            Query(
                """
                SELECT extract(epoch FROM window_start)::bigint AS first, extract(epoch FROM window_end)::bigint AS last,
                    extract(epoch FROM completed_at)::bigint AS completed
                FROM \(schema, "etl_slice") WHERE status = 'done' ORDER BY window_start
                """))
        let slices = try rows.map {
            (
                first: try $0.decode("first", as: Int64.self) ?? 0, last: try $0.decode("last", as: Int64.self) ?? 0,
                completed: try $0.decode("completed", as: Int64.self) ?? 0
            )
        }
        // Conversations whose exit night came before the last night: start < lastNight - settle - lookback.
        let truth = try control.auditTruth(
            stream: LifecycleBenchmark.stream, to: lastNight - settle - lookback - 1, at: lastNight)
        var missed = 0
        for conversation in truth {
            let exit = exitNight(start: conversation.start, lastNight: lastNight, settle: settle, lookback: lookback)
            let fetched =
                slices.filter { $0.first <= conversation.start && conversation.start <= $0.last }
                .map(\.completed).max() ?? .min
            missed += conversation.auditChanges.filter { $0.time <= exit && $0.time > fetched }.count
        }
        return missed
    }

    /// The last night (a multiple of a day from `lastNight`) whose window still held `start`.
    private static func exitNight(start: Int64, lastNight: Int64, settle: Int64, lookback: Int64) -> Int64 {
        let nightsBack = (lastNight - settle - lookback - start + LifecycleBenchmark.day - 1) / LifecycleBenchmark.day
        return lastNight - nightsBack * LifecycleBenchmark.day
    }
}

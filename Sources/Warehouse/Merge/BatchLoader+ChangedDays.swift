import Postgres

extension BatchLoader {
    /// Whether this session has the staging tables of a `load` (its table of changed
    /// conversations, `stg_changed`); false on a connection that never loaded.
    static func hasStagedBatch(on connection: isolated Connection) throws -> Bool {
        let rows = try connection.execute(
            Query("SELECT to_regclass('pg_temp.stg_changed') IS NOT NULL AS present", name: "find stg_changed"))
        return try rows.first?.decode("present", as: Bool.self) == true
    }

    /// The UTC days (`YYYY-MM-DD`) of the conversations the last `load` on this connection
    /// inserted or changed, in order; call it only when `hasStagedBatch` is true.
    func changedDays(on connection: isolated Connection) throws -> [String] {
        let rows = try connection.execute(
            Query(
                """
                SELECT DISTINCT (f.conversation_start AT TIME ZONE 'UTC')::date AS day
                FROM pg_temp.stg_changed c JOIN \(schema, "fact_conversation") f USING (conversation_id)
                WHERE f.conversation_start IS NOT NULL ORDER BY 1
                """, name: "days changed in batch"))
        return try rows.compactMap { row in try row.decode(0, as: String.self) }
    }

    /// Records in `rollup_pending_day` the stream-days of the conversations the last `load` on
    /// this connection inserted or changed (in key order, so concurrent batches take the rows'
    /// locks in one order); returns how many were new there. Call it only when `hasStagedBatch`
    /// is true.
    func markChangedDaysPending(on connection: isolated Connection) throws -> Int {
        try connection.execute(
            Query(
                """
                INSERT INTO \(schema, "rollup_pending_day") (stream_id, day)
                SELECT DISTINCT f.stream_id, (f.conversation_start AT TIME ZONE 'UTC')::date
                FROM pg_temp.stg_changed c JOIN \(schema, "fact_conversation") f USING (conversation_id)
                WHERE f.conversation_start IS NOT NULL
                ORDER BY 1, 2
                ON CONFLICT (stream_id, day) DO NOTHING
                """, name: "mark days changed in batch")
        ).affectedRows
    }
}

import Postgres

extension RollupRefresher {
    /// The UTC days of the conversations the last `BatchLoader.load` on this connection inserted
    /// or changed (`BatchLoader.changedDays`), in order; empty when nothing was loaded.
    public func changedDaysInBatch(on connection: isolated Connection) throws -> [RollupDay] {
        guard try hasBatch(on: connection) else { return [] }
        return try BatchLoader(schema: schema).changedDays(on: connection).map(Self.day)
    }

    /// The days waiting in `rollup_pending_day`, in order.
    public func pendingDays(on connection: isolated Connection) throws -> [RollupDay] {
        try days(
            of: Query(
                "SELECT DISTINCT day FROM \(schema, "rollup_pending_day") ORDER BY 1", name: "pending rollup days"),
            on: connection)
    }

    /// The UTC days of the conversations whose latest insert or change was made by run `runId`
    /// (`fact_conversation.last_run_id`), in order. Reads the whole fact table: for repairs.
    public func changedDays(runId: Int64, on connection: isolated Connection) throws -> [RollupDay] {
        try days(
            of: Query(
                """
                SELECT DISTINCT (conversation_start AT TIME ZONE 'UTC')::date AS day
                FROM \(schema, "fact_conversation")
                WHERE last_run_id = \(runId) AND conversation_start IS NOT NULL ORDER BY 1
                """, name: "days changed by run"), on: connection)
    }

    /// Every UTC day that has conversations, in order: pass it to `refresh(days:on:)` to rebuild
    /// all rollups, e.g. after a migration changed their definition.
    public func allDays(on connection: isolated Connection) throws -> [RollupDay] {
        try days(
            of: Query(
                """
                SELECT DISTINCT (conversation_start AT TIME ZONE 'UTC')::date AS day
                FROM \(schema, "fact_conversation") WHERE conversation_start IS NOT NULL ORDER BY 1
                """, name: "days with conversations"), on: connection)
    }

    /// Whether this session has `BatchLoader`'s staging tables (`BatchLoader.hasStagedBatch`).
    func hasBatch(on connection: isolated Connection) throws -> Bool {
        try BatchLoader.hasStagedBatch(on: connection)
    }

    private func days(of query: Query, on connection: isolated Connection) throws -> [RollupDay] {
        let rows = try connection.execute(query)
        return try rows.compactMap { row in try row.decode(0, as: String.self).map(Self.day) }
    }

    /// The day `text` (`YYYY-MM-DD`) the database returned.
    private static func day(_ text: String) throws -> RollupDay {
        guard let day = RollupDay(text) else {
            throw WarehouseError(code: .database, message: "the database returned \(text) where a date was expected")
        }
        return day
    }
}

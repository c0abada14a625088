import Postgres

extension StatusReader {
    /// Every account with requests that count against its budget (in flight, or completed in the
    /// last 60.5 s) or that was ever paused, by account id.
    func budgets(on connection: Connection) async throws -> [AccountBudgetStatus] {
        let rows = try await connection.execute(
            Query(
                """
                WITH used AS (
                    SELECT account_id, count(*) AS n FROM \(schema, "etl_account_request")
                    WHERE completed_at IS NULL OR completed_at > now() - interval '60.5 seconds' GROUP BY account_id
                )
                SELECT coalesce(u.account_id, b.account_id) AS account_id, coalesce(u.n, 0) AS n,
                    extract(epoch FROM b.paused_until)::bigint AS paused_until,
                    coalesce(b.paused_until > now(), false) AS paused, b.pause_reason
                FROM used u FULL JOIN \(schema, "etl_account_budget") b ON b.account_id = u.account_id
                ORDER BY 1
                """, name: "status budgets"))
        return try rows.map { row in
            AccountBudgetStatus(
                accountId: row[0] ?? "", requestsInWindow: try row.decode("n", as: Int.self) ?? 0,
                pausedUntil: try row.decode("paused_until", as: Int64.self),
                paused: try row.decode("paused", as: Bool.self) ?? false,
                pauseReason: try row.decode("pause_reason", as: String.self))
        }
    }
}

import Postgres

extension ChangeLagModel {
    /// Fewer observed changes than this and the prior is used.
    public static let minimumObservations = 200

    /// Learns the lag distribution of one stream from `fact_audit_history`, over conversations that
    /// started in `[from, to)` (callers pass recent days that have already left the lookback
    /// window, so every change inside the window had its chance to be seen). An observed change is
    /// an audit whose `audit_date` is new (its age is `audit_date - conversation_start`) or another
    /// change of the audit fields seen by a `sync` after the first observation (`observed_at -
    /// conversation_start`; observations of backfills and repairs, made much later, would stretch
    /// the lags). Ages beyond `maxAge` are left out: the re-sweep decides within the window only.
    /// Falls back to `prior` below `minimumObservations`.
    public static func learn(
        stream: String, from: Int64, to: Int64, maxAge: Int64, schema: Identifier, on connection: Connection
    ) async throws -> ChangeLagModel {
        let shares = (0...50).map { Double($0) / 50 }
        let rows = try await connection.execute(
            Query(
                """
                WITH observed AS (
                    SELECT f.conversation_start, h.observed_at, h.audit_date, r.command,
                        lag(h.audit_date) OVER w AS previous_date, row_number() OVER w AS n
                    FROM \(schema, "fact_audit_history") h
                    JOIN \(schema, "fact_conversation") f USING (conversation_id)
                    LEFT JOIN \(schema, "etl_run") r ON r.run_id = h.run_id
                    WHERE f.stream_id = \(stream) AND f.conversation_start >= to_timestamp(\(from)::bigint)
                        AND f.conversation_start < to_timestamp(\(to)::bigint)
                    WINDOW w AS (PARTITION BY h.conversation_id ORDER BY h.observed_at)
                ), ages AS (
                    SELECT CASE
                        WHEN audit_date IS NOT NULL AND (n = 1 OR audit_date IS DISTINCT FROM previous_date)
                            THEN extract(epoch FROM audit_date - conversation_start)
                        WHEN n > 1 AND command = \(RunCommand.sync) THEN extract(epoch FROM observed_at - conversation_start)
                    END::float8 AS age
                    FROM observed
                )
                SELECT count(*) AS n,
                    percentile_cont(\(shares)::float8[]) WITHIN GROUP (ORDER BY age) AS quantiles
                FROM ages WHERE age >= 0 AND age <= \(maxAge)::float8
                """, name: "learn audit change lags"))
        let count = try rows.first?.decode("n", as: Int.self) ?? 0
        guard count >= minimumObservations, let text = try rows.first?.decode("quantiles", as: String.self) else {
            return .prior
        }
        let quantiles = text.filter { $0 != "{" && $0 != "}" }.split(separator: ",").compactMap { Double($0) }
        guard quantiles.count == 51 else { return .prior }
        return ChangeLagModel(source: .learned(observations: count), quantiles: quantiles)
    }
}

import Postgres

extension Coverage {
    /// Every stream's coverage, from its committed slices in `etl_slice`.
    public static func read(schema: Identifier, on connection: Connection) async throws -> [String: Coverage] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, extract(epoch FROM window_start)::bigint AS first,
                    extract(epoch FROM window_end)::bigint AS last
                FROM \(schema, "etl_slice") WHERE status = 'done'
                """, name: "read coverage"))
        var slices: [String: [(first: Int64, last: Int64)]] = [:]
        for row in rows {
            guard let stream = row[0], let first = try row.decode("first", as: Int64.self),
                let last = try row.decode("last", as: Int64.self)
            else { continue }
            slices[stream, default: []].append((first, last))
        }
        return slices.mapValues { Coverage(slices: $0) }
    }
}

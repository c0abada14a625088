import Postgres

/// Finds the slices an interrupted run with the same command and options already committed, so
/// a rerun continues where it stopped instead of spending requests again.
enum ResumePoint {
    static func completedSlices(
        command: String, options: [String: String], schema: Identifier, on connection: Connection
    ) async throws -> Set<SliceKey> {
        let optionsJSON = JSONText.object(options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let rows = try await connection.execute(
            Query(
                """
                SELECT s.stream_id, extract(epoch FROM s.window_start)::bigint AS window_start,
                    extract(epoch FROM s.window_end)::bigint AS window_end
                FROM \(schema, "etl_slice") s JOIN \(schema, "etl_run") r USING (run_id)
                WHERE s.status = 'done' AND r.command = \(command) AND r.options = \(optionsJSON)::jsonb AND r.status = 'failed'
                  AND r.run_id > coalesce((SELECT max(run_id) FROM \(schema, "etl_run")
                      WHERE command = \(command) AND options = \(optionsJSON)::jsonb AND status <> 'failed'), 0)
                """, name: "find resumable slices"))
        var keys = Set<SliceKey>()
        for row in rows {
            guard let stream = row[0], let start = try row.decode(1, as: Int64.self),
                let end = try row.decode(2, as: Int64.self)
            else { continue }
            keys.insert(SliceKey(streamId: stream, start: start, end: end))
        }
        return keys
    }
}

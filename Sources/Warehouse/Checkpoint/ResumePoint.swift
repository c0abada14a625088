import Postgres

/// Finds what an interrupted run with the same command and options already committed, so a rerun
/// continues where it stopped instead of spending requests again: per stream, the union of its
/// committed slices (a planned slice inside it is not fetched again, whether it was committed
/// alone or as part of a wide slice).
enum ResumePoint {
    static func completedSlices(
        command: RunCommand, options: [String: String], schema: Identifier, on connection: Connection
    ) async throws -> [String: Coverage] {
        let optionsJSON = JSONText.object(options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let rows = try await connection.execute(
            Query(
                """
                SELECT s.stream_id, extract(epoch FROM s.window_start)::bigint AS window_start,
                    extract(epoch FROM s.window_end)::bigint AS window_end
                FROM \(schema, "etl_slice") s JOIN \(schema, "etl_run") r USING (run_id)
                WHERE s.status = 'done' AND r.command = \(command) AND r.options = \(optionsJSON)::jsonb AND r.status = \(RunState.failed)
                  AND r.run_id > coalesce((SELECT max(run_id) FROM \(schema, "etl_run")
                      WHERE command = \(command) AND options = \(optionsJSON)::jsonb AND status <> \(RunState.failed)), 0)
                """, name: "find resumable slices"))
        var slices: [String: [(first: Int64, last: Int64)]] = [:]
        for row in rows {
            guard let stream = row[0], let start = try row.decode(1, as: Int64.self),
                let end = try row.decode(2, as: Int64.self)
            else { continue }
            slices[stream, default: []].append((start, end))
        }
        return slices.mapValues { Coverage(slices: $0) }
    }
}

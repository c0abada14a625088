import Postgres

extension StreamState {
    /// The commands that change a stream's state and record it in `etl_run` (`options.stream` names it).
    static let changeCommands = ["stream rewind", "stream forget"]

    /// Every stream with a row in `etl_watermark` or in `etl_slice`, by stream id.
    public static func readAll(schema: Identifier, on connection: Connection) async throws -> [StreamState] {
        try await read(only: nil, schema: schema, on: connection)
    }

    /// The state of `stream`; nil when it has neither a watermark row nor a slice.
    public static func read(stream: String, schema: Identifier, on connection: Connection) async throws
        -> StreamState?
    {
        try await read(only: stream, schema: schema, on: connection).first
    }

    /// Watermark, cursor and coverage as `SyncPlanner.positions` reads them, plus slice counts,
    /// the last run and the conversations; `only` restricts the streams to one.
    private static func read(only: String?, schema: Identifier, on connection: Connection) async throws
        -> [StreamState]
    {
        var positions = try await SyncPlanner.positions(schema: schema, on: connection)
        if let only { positions = positions.filter { $0.key == only } }
        let filter = streamFilter(only)
        let sliceRows = try await connection.execute(
            Query(
                """
                SELECT stream_id, count(*) AS slices, count(*) FILTER (WHERE status = 'done') AS done,
                    max(run_id) AS last_run
                FROM \(schema, "etl_slice") \(fragment: filter) GROUP BY stream_id
                """, name: "stream slice counts"))
        var states: [String: StreamState] = [:]
        var lastRuns: [String: Int64] = [:]
        for (stream, position) in positions {
            states[stream] = StreamState(
                streamId: stream, watermark: position.watermark, lookbackCursor: position.lookbackCursor,
                coverage: position.coverage)
        }
        for row in sliceRows {
            guard let stream = row[0] else { continue }
            var state = states[stream] ?? StreamState(streamId: stream)
            state.slices = try row.decode("slices") ?? 0
            state.doneSlices = try row.decode("done") ?? 0
            states[stream] = state
            if let run = try row.decode("last_run", as: Int64.self) { lastRuns[stream] = run }
        }
        guard !states.isEmpty else { return [] }
        let changeRows = try await connection.execute(
            Query(
                """
                SELECT options->>'stream' AS stream, max(run_id) AS last_run
                FROM \(schema, "etl_run")
                WHERE command = ANY(\(changeCommands)::text[]) AND options->>'stream' IS NOT NULL GROUP BY 1
                """, name: "stream state changes"))
        for row in changeRows {
            guard let stream = row[0], states[stream] != nil, let run = try row.decode("last_run", as: Int64.self)
            else { continue }
            lastRuns[stream] = max(lastRuns[stream] ?? run, run)
        }
        let runs = try await self.runs(Set(lastRuns.values), schema: schema, on: connection)
        let counts = try await conversations(only: only, schema: schema, on: connection)
        return states.values.map { state in
            var state = state
            state.lastRun = lastRuns[state.streamId].flatMap { runs[$0] }
            state.conversations = counts[state.streamId] ?? 0
            return state
        }.sorted { $0.streamId < $1.streamId }
    }

    /// The `etl_run` rows `ids`, by run id.
    private static func runs(_ ids: Set<Int64>, schema: Identifier, on connection: Connection) async throws
        -> [Int64: LastRun]
    {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.execute(
            Query(
                """
                SELECT run_id, command, status, extract(epoch FROM started_at)::bigint AS started
                FROM \(schema, "etl_run") WHERE run_id = ANY(\(ids.sorted())::bigint[])
                """, name: "stream last runs"))
        var runs: [Int64: LastRun] = [:]
        for row in rows {
            guard let id = try row.decode("run_id", as: Int64.self) else { continue }
            runs[id] = LastRun(
                runId: id, command: try row.require("command"), status: try row.require("status"),
                startedAt: try row.decode("started", as: Int64.self) ?? 0)
        }
        return runs
    }

    /// Conversations per stream in `fact_conversation` (its `stream_id` column).
    private static func conversations(only: String?, schema: Identifier, on connection: Connection) async throws
        -> [String: Int]
    {
        let rows = try await connection.execute(
            Query(
                """
                SELECT stream_id, count(*) AS n FROM \(schema, "fact_conversation") \(fragment: streamFilter(only))
                GROUP BY stream_id
                """, name: "stream conversation counts"))
        var counts: [String: Int] = [:]
        for row in rows {
            if let stream = row[0] { counts[stream] = try row.decode("n") ?? 0 }
        }
        return counts
    }

    /// `WHERE stream_id = <only>`, or nothing for every stream.
    private static func streamFilter(_ only: String?) -> Query {
        only.map { "WHERE stream_id = \($0)" } ?? ""
    }
}

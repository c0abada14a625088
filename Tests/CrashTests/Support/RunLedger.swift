import Logging
import Postgres
import TestSupport

/// What `etl_run` and `etl_slice` say about the runs in a warehouse.
enum RunLedger {
    /// One `etl_run` row.
    struct Run: Sendable, Equatable {
        var runId: Int64
        var status: String
        var error: String?
        var fetched: Int
        var requests: Int
    }

    /// The warehouse right after an interrupted run, before any rerun.
    struct Checkpoints: Sendable, Equatable {
        /// Rows in `fact_conversation`.
        var facts: Int
        /// Sum of `etl_slice.fetched` over done slices: what the checkpoints claim is loaded.
        var checkpointed: Int
        /// Done slices.
        var slices: Int
        /// Committed batches: done slices share `completed_at`, their transaction's `now()`.
        var batches: Int
    }

    static let logger = testLogger

    /// Every run, oldest first.
    static func read(_ database: DatabaseConfiguration) async throws -> [Run] {
        try await Connection.withConnection(database, logger: logger) { connection in
            let rows = try await connection.execute(
                "SELECT run_id, status, error, fetched, requests FROM qai.etl_run ORDER BY run_id")
            return try rows.map { row in
                Run(
                    runId: try row.decode("run_id", as: Int64.self) ?? 0, status: row[1] ?? "", error: row[2],
                    fetched: try row.decode("fetched", as: Int.self) ?? 0,
                    requests: try row.decode("requests", as: Int.self) ?? 0)
            }
        }
    }

    /// Done slices whose last fetch was by run `runId`.
    static func doneSlices(ofRun runId: Int64, _ database: DatabaseConfiguration) async throws -> Int {
        try await Connection.withConnection(database, logger: logger) { connection in
            try await connection.execute(
                "SELECT count(*) FROM qai.etl_slice WHERE status = 'done' AND run_id = \(runId)"
            ).first?.decode(0, as: Int.self) ?? -1
        }
    }

    /// Facts and checkpoints as they are now.
    static func checkpoints(_ database: DatabaseConfiguration) async throws -> Checkpoints {
        try await Connection.withConnection(database, logger: logger) { connection in
            let rows = try await connection.execute(
                """
                SELECT (SELECT count(*) FROM qai.fact_conversation) AS facts,
                    (SELECT coalesce(sum(fetched), 0) FROM qai.etl_slice WHERE status = 'done') AS checkpointed,
                    (SELECT count(*) FROM qai.etl_slice WHERE status = 'done') AS slices,
                    (SELECT count(DISTINCT completed_at) FROM qai.etl_slice WHERE status = 'done') AS batches
                """)
            let row = rows[0]
            return Checkpoints(
                facts: try row.decode("facts", as: Int.self) ?? -1,
                checkpointed: try row.decode("checkpointed", as: Int.self) ?? -1,
                slices: try row.decode("slices", as: Int.self) ?? -1,
                batches: try row.decode("batches", as: Int.self) ?? -1)
        }
    }

    /// Waits until no other client session is connected to the database, so the sessions of a
    /// killed loader are gone (the server notices a dead client at its next read); gives up after
    /// 10 s. Background workers (autovacuum, Citus's maintenance daemon) and the connections Citus
    /// nodes keep to each other (`application_name` `citus_internal ...`) are not clients.
    static func waitForOtherSessionsToEnd(_ database: DatabaseConfiguration) async throws -> Int {
        try await Connection.withConnection(database, logger: logger) { connection in
            var others = 0
            for _ in 0..<500 {
                let rows = try await connection.execute(
                    """
                    SELECT count(*) AS others FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                      AND backend_type = 'client backend' AND application_name NOT LIKE 'citus\\_internal%'
                    """)
                others = try rows.first?.decode("others", as: Int.self) ?? 0
                if others == 0 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            return others
        }
    }
}

extension RunLedger {
    /// Waits until `etl_run` holds a row, i.e. the loader has started its run; gives up after 60 s.
    static func waitForRunToStart(_ database: DatabaseConfiguration) async throws {
        try await waitUntil(database, "SELECT count(*) AS n FROM qai.etl_run", "an etl_run row")
    }

    /// Waits until a batch has committed (a done slice); gives up after 60 s. Connects afresh for
    /// every look, so it is safe while the server restarts.
    static func waitForFirstCommit(_ database: DatabaseConfiguration) async throws {
        try await waitUntil(database, "SELECT count(*) AS n FROM qai.etl_slice WHERE status = 'done'", "a done slice")
    }

    private static func waitUntil(_ database: DatabaseConfiguration, _ count: Query, _ what: String) async throws {
        for _ in 0..<6_000 {
            let found = try await Connection.withConnection(database, logger: logger) { connection in
                try await connection.execute(count).first?.decode("n", as: Int.self) ?? 0
            }
            if found > 0 { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ChildProcessError("no \(what) appeared within 60 s")
    }
}

extension RunLedger {
    /// A stream's sync watermark and the one-day windows before it, from `since`, that are not done.
    struct Watermark: Sendable, Equatable {
        /// Exclusive, epoch seconds.
        var watermark: Int64
        /// Day starts (epoch seconds) before the watermark without a done slice: a gap.
        var missingDays: [Int64]
    }

    /// The fixture stream's watermark, nil when none was recorded yet.
    static func watermark(_ database: DatabaseConfiguration, since: String) async throws -> Watermark? {
        try await Connection.withConnection(database, logger: logger) { connection in
            let rows = try await connection.execute(
                """
                SELECT extract(epoch FROM w.watermark)::bigint AS watermark,
                    coalesce((SELECT string_agg(extract(epoch FROM d.day)::bigint::text, ',' ORDER BY d.day)
                        FROM generate_series(\(since + " 00:00:00+00")::timestamptz, w.watermark - interval '1 second', interval '1 day')
                            AS d(day)
                        WHERE NOT EXISTS (SELECT 1 FROM qai.etl_slice s WHERE s.stream_id = w.stream_id
                            AND s.status = 'done' AND s.window_start = d.day)), '') AS missing
                FROM qai.etl_watermark w WHERE w.stream_id = \(CrashFixture.stream)
                """)
            guard let row = rows.first, let watermark = try row.decode("watermark", as: Int64.self) else {
                return nil
            }
            return Watermark(
                watermark: watermark, missingDays: (row[1] ?? "").split(separator: ",").compactMap { Int64($0) })
        }
    }
}

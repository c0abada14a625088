import Postgres
import Testing

extension SyncHarness {
    /// Another session on the test database, e.g. an analyst's SQL client; `application` is its
    /// `application_name`, so it is never mistaken for the loader.
    func session(_ application: String) async throws -> Connection {
        var configuration = database
        configuration.applicationName = application
        return try await Connection.connect(configuration, logger: logger)
    }

    /// Polls `condition` every 20 ms for up to `seconds`; returns whether it became true.
    func eventually(seconds: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    /// Slices with a committed checkpoint.
    func doneSlices() async throws -> Int {
        try await integer("SELECT count(*) FROM qai.etl_slice WHERE status = 'done'")
    }

    /// The loader's backend (`application_name = 'qai-loader'`) waiting for a heavyweight lock, if any.
    func loaderWaitingForLock() async throws -> Int? {
        let pid = try await integer(
            """
            SELECT coalesce(min(pid), 0) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'qai-loader' AND pid <> pg_backend_pid()
                AND wait_event_type = 'Lock'
            """)
        return pid == 0 ? nil : pid
    }

    /// `etl_run.lock_retries` of a run.
    func lockRetries(_ runId: Int64) async throws -> Int {
        try await integer("SELECT lock_retries FROM qai.etl_run WHERE run_id = \(runId)")
    }

    /// The rows of `stream` compared with the truth of the slices whose checkpoints committed: a
    /// failed run must have written exactly those conversations, nothing half-way.
    func committedTally(stream: String) async throws -> (slices: Int, tally: RowTally) {
        let done = try await query(
            """
            SELECT extract(epoch FROM window_start)::bigint, extract(epoch FROM window_end)::bigint
            FROM qai.etl_slice WHERE status = 'done' AND stream_id = \(stream) ORDER BY 1
            """)
        var ids: [String] = []
        var (metrics, agents, queues) = (0, 0, 0)
        for row in done {
            let (from, to) = (try row.decode(0, as: Int64.self), try row.decode(1, as: Int64.self))
            let truth = try await self.truth.window(stream: stream, from: from, to: to)
            ids += truth.ids
            metrics += truth.metricEntryCount
            agents += truth.agentLinkCount
            queues += truth.queueLinkCount
        }
        let tally = try await rowTally(
            ids: ids, metricEntries: metrics, agentLinks: agents, queueLinks: queues, stream: stream)
        return (done.count, tally)
    }
}

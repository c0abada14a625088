import Logging
import Postgres
import QualityAI

extension SyncPipeline {
    /// A run that has started: its `etl_run` row, the slices left once resumed ones are taken out
    /// (joined into wide slices where they follow the data), and the executor that fetches and loads them.
    struct StartedRun: Sendable {
        var request: SyncRequest
        var runId: Int64
        var slices: [SliceSpec]
        /// Planned slices an interrupted run had committed.
        var resumedSlices: Int
        var execution: SyncExecution
        var started: ContinuousClock.Instant
    }

    /// Closes runs a dead process left running, takes out the slices an interrupted run with the
    /// same command and options committed (`ResumePoint`), joins the rest into wide slices
    /// (`SliceSpans`, unless `followsData` is off), and records the run's start.
    func plan(_ request: SyncRequest, on connection: Connection) async throws -> StartedRun {
        let recorder = RunRecorder(schema: schema)
        let abandoned = try await recorder.closeAbandonedRuns(on: connection)
        if !abandoned.isEmpty {
            logger.notice("run.closed_abandoned", metadata: ["run.ids": "\(abandoned)"])
        }
        let resumable = try await ResumePoint.completedSlices(
            command: request.command, options: request.options, schema: schema, on: connection)
        let runId = try await recorder.start(command: request.command, options: request.options, on: connection)
        var runLogger = logger
        runLogger[metadataKey: "run.id"] = "\(runId)"
        let execution = SyncExecution(
            client: client, loader: BatchLoader(schema: schema), checkpoints: CheckpointWriter(schema: schema),
            request: request, runId: runId, logger: runLogger)
        let left = request.slices.filter { resumable[$0.streamId]?.covers($0.window) != true }
        let slices = request.followsData ? SliceSpans.join(left, grid: request.sliceSeconds) : left
        return StartedRun(
            request: request, runId: runId, slices: slices, resumedSlices: request.slices.count - left.count,
            execution: execution, started: .now)
    }

    /// Fetches and loads the run's slices through its writer connections, then rebuilds the
    /// rollup days the run changed.
    func execute(_ run: StartedRun, on connection: Connection) async throws -> SyncExecution.Outcome {
        var outcome = try await withWriters(run.request.writers, first: connection) { writers in
            try await run.execution.run(run.slices, writers: writers)
        }
        try await run.execution.refreshRollups(on: connection)
        outcome.totals.lockRetries = run.execution.progress.lockRetries
        return outcome
    }

    /// Records the run's end: for `sync` the streams' lookback cursors, then `etl_run` as
    /// succeeded, or partial when the request budget deferred slices.
    func record(
        _ outcome: SyncExecution.Outcome, of run: StartedRun, streams: [String], on connection: Connection
    ) async throws -> RunSummary {
        var totals = outcome.totals
        totals.requests = outcome.requests
        if run.request.command == .sync {
            let cursors = SyncPlanner.cursors(streams: streams, deferred: outcome.deferred)
            try await CheckpointWriter(schema: schema).setLookbackCursors(cursors, on: connection)
        }
        let status = outcome.deferred.isEmpty ? RunState.succeeded : .partial
        try await RunRecorder(schema: schema).finish(
            runId: run.runId, status: status, totals: totals, error: nil, on: connection)
        return RunSummary(
            runId: run.runId, totals: totals, resumedSlices: run.resumedSlices,
            deferredSlices: outcome.deferred.count, seconds: (ContinuousClock.now - run.started).inSeconds)
    }

    /// Marks the run failed. When the run's connection was lost (its advisory locks went with its
    /// session), a fresh connection records it, so `etl_run` says why at once rather than after
    /// the next run closes it as abandoned.
    func recordFailure(of run: StartedRun, error: any Error, on connection: Connection) async throws {
        var totals = run.execution.progress
        totals.requests = client.statistics.snapshot()
        let (recorder, runId) = (RunRecorder(schema: schema), run.runId)
        guard await connection.isClosed else {
            try await recorder.finish(runId: runId, status: .failed, totals: totals, error: "\(error)", on: connection)
            return
        }
        try await Connection.withConnection(database, logger: logger) { fresh in
            try await recorder.finish(runId: runId, status: .failed, totals: totals, error: "\(error)", on: fresh)
        }
    }

    /// Runs `body` while calling `progress`, if set, about once a second.
    func withProgressReports<T>(of run: StartedRun, _ body: () async throws -> T) async throws -> T {
        let reporter = progress.map { report in
            Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    let totals = run.execution.progress
                    report(
                        SyncProgress(
                            slicesDone: totals.slices, slicesTotal: run.slices.count, conversations: totals.fetched,
                            seconds: (ContinuousClock.now - run.started).inSeconds))
                }
            }
        }
        defer { reporter?.cancel() }
        return try await body()
    }
}

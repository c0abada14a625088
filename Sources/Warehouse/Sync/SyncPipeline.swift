import Logging
import Postgres
import QualityAI

/// Runs a planned sync or backfill: fetches slices concurrently through the API client, and
/// loads them in batches, each batch committing together with its `etl_slice` checkpoints (and,
/// for new data, the stream's watermark), so a crash at any point leaves the warehouse
/// consistent and a rerun resumes. One run per stream at a time (advisory locks).
public struct SyncPipeline: Sendable {
    public let client: RawDataClient
    public let database: DatabaseConfiguration
    public let schema: Identifier
    public let logger: Logger
    /// Called about once a second while a run loads, e.g. to draw a progress line.
    public let progress: (@Sendable (SyncProgress) -> Void)?

    public init(
        client: RawDataClient, database: DatabaseConfiguration, schema: Identifier, logger: Logger,
        progress: (@Sendable (SyncProgress) -> Void)? = nil
    ) {
        self.client = client
        self.database = database
        self.schema = schema
        self.logger = logger
        self.progress = progress
    }

    /// Runs `request`; throws `WarehouseError.lockHeld` at once if another run holds a stream.
    public func run(_ request: SyncRequest) async throws -> RunSummary {
        try await Connection.withConnection(database, logger: logger) { connection in
            try await Migrator(schema: schema).verifyCurrent(connection)
            await Self.preferLZ4(on: connection)
            let streams = Set(request.slices.map(\.streamId)).sorted()
            try await lockStreams(streams, on: connection)
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
            let slices = request.slices.filter { !resumable.contains(SliceKey($0)) }
            let execution = SyncExecution(
                client: client, loader: BatchLoader(schema: schema), recorder: recorder, request: request,
                runId: runId, logger: runLogger)
            let clock = ContinuousClock()
            let started = clock.now
            do {
                let reporter = progress.map { report in
                    Task {
                        while !Task.isCancelled {
                            try await Task.sleep(for: .seconds(1))
                            let totals = execution.progress
                            let elapsed = clock.now - started
                            report(
                                SyncProgress(
                                    slicesDone: totals.slices, slicesTotal: slices.count,
                                    conversations: totals.fetched,
                                    seconds: elapsed.inSeconds))
                        }
                    }
                }
                defer { reporter?.cancel() }
                var outcome = try await withWriters(request.writers, first: connection) { writers in
                    try await execution.run(slices, writers: writers)
                }
                try await execution.refreshRollups(on: connection)
                outcome.totals.lockRetries = execution.progress.lockRetries
                var totals = outcome.totals
                totals.requests = outcome.requests
                if request.command == "sync" {
                    let cursors = SyncPlanner.cursors(streams: streams, deferred: outcome.deferred)
                    try await recorder.setLookbackCursors(cursors, on: connection)
                }
                let status = outcome.deferred.isEmpty ? "succeeded" : "partial"
                try await recorder.finish(runId: runId, status: status, totals: totals, error: nil, on: connection)
                let elapsed = clock.now - started
                return RunSummary(
                    runId: runId, totals: totals, resumedSlices: request.slices.count - slices.count,
                    deferredSlices: outcome.deferred.count,
                    seconds: elapsed.inSeconds)
            } catch {
                await connection.rollbackQuietly()
                var totals = execution.progress
                totals.requests = client.statistics.snapshot()
                try? await recordFailure(runId: runId, totals: totals, error: error, on: connection)
                throw error
            }
        }
    }

    /// Marks the run failed. When the run's connection was lost (its advisory locks went with its
    /// session), a fresh connection records it, so `etl_run` says why at once rather than after
    /// the next run closes it as abandoned.
    private func recordFailure(runId: Int64, totals: RunTotals, error: any Error, on connection: Connection)
        async throws
    {
        let recorder = RunRecorder(schema: schema)
        guard await connection.isClosed else {
            try await recorder.finish(runId: runId, status: "failed", totals: totals, error: "\(error)", on: connection)
            return
        }
        try await Connection.withConnection(database, logger: logger) { fresh in
            try await recorder.finish(runId: runId, status: "failed", totals: totals, error: "\(error)", on: fresh)
        }
    }

    /// Runs `body` with `count` writer connections: `first` and `count - 1` more, closed afterwards.
    private func withWriters<T>(_ count: Int, first: Connection, _ body: ([Connection]) async throws -> T)
        async throws -> T
    {
        var writers = [first]
        do {
            while writers.count < max(1, count) {
                let writer = try await Connection.connect(database, logger: logger)
                writers.append(writer)
                await Self.preferLZ4(on: writer)
            }
            let value = try await body(writers)
            for writer in writers.dropFirst() { await writer.close() }
            return value
        } catch {
            for writer in writers.dropFirst() { await writer.close() }
            throw error
        }
    }

    /// lz4 compresses the raw JSON for TOAST faster than the default pglz (the staging COPY and
    /// the fact upsert cost about 30% less); a server built without lz4 refuses the setting and
    /// keeps pglz.
    private static func preferLZ4(on connection: Connection) async {
        _ = try? await connection.execute(
            Query(unsafeSQL: "SET default_toast_compression = 'lz4'", name: "prefer lz4 TOAST compression"))
    }

    /// Takes every stream's lock. A lock still held may belong to a run that just ended, whose
    /// server session is still exiting: each stream is tried for up to 3 seconds (`StreamLock.tryWithGrace`) first.
    private func lockStreams(_ streams: [String], on connection: Connection) async throws {
        for stream in streams {
            let key = StreamLock.key(schema: schema, stream: stream)
            let locked = try await StreamLock.tryWithGrace { try await connection.tryAdvisoryLock(key) }
            guard locked else {
                throw WarehouseError(
                    code: .lockHeld,
                    message: "another qai-loader run is loading stream \(stream) into schema \(schema.name)",
                    advice: "wait for it to finish (qai-loader status shows running runs); nothing was changed")
            }
        }
    }
}

/// A slice's identity for resume: stream and window.
struct SliceKey: Hashable, Sendable {
    var streamId: String
    var start: Int64
    var end: Int64

    init(_ spec: SliceSpec) {
        streamId = spec.streamId
        start = spec.window.start
        end = spec.window.end
    }

    init(streamId: String, start: Int64, end: Int64) {
        self.streamId = streamId
        self.start = start
        self.end = end
    }
}

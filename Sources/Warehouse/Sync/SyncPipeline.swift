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

    /// Runs `request`; throws `WarehouseError.lockHeld` (naming the other run) when a live run holds
    /// a range of one of its streams that overlaps this run's range (`RangeClaim`).
    public func run(_ request: SyncRequest) async throws -> RunSummary {
        try await Connection.withConnection(database, logger: logger) { connection in
            try await Migrator(schema: schema).verifyCurrent(connection)
            await Self.preferLZ4(on: connection)
            let streams = Set(request.slices.map(\.streamId)).sorted()
            let claim = RangeClaim(schema: schema)
            try await claim.claim(RangeClaim.ranges(of: request.slices), command: request.command, on: connection)
            do {
                let run = try await plan(request, on: connection)
                try await claim.attach(runId: run.runId, on: connection)
                do {
                    let summary = try await withProgressReports(of: run) {
                        let outcome = try await execute(run, on: connection)
                        await savePaging(of: run, on: connection)
                        return try await record(outcome, of: run, streams: streams, on: connection)
                    }
                    await claim.release(on: connection)
                    return summary
                } catch {
                    await connection.rollbackQuietly()
                    await savePaging(of: run, on: connection)
                    try? await recordFailure(of: run, error: error, on: connection)
                    throw error
                }
            } catch {
                await connection.rollbackQuietly()
                await claim.release(on: connection)
                throw error
            }
        }
    }

    /// Records what the client learned about the API's paging of the run's streams, for `status`
    /// (a failure to record it is logged: it changes nothing that was loaded).
    private func savePaging(of run: StartedRun, on connection: Connection) async {
        let learned = client.paging.learned()
        guard !learned.isEmpty else { return }
        do {
            try await StreamPaging.save(learned, runId: run.runId, schema: schema, on: connection)
        } catch {
            logger.warning("sync.paging.unrecorded", metadata: ["error": "\(error)"])
        }
    }

    /// Runs `body` with `count` writer connections: `first` and `count - 1` more, closed afterwards.
    func withWriters<T>(_ count: Int, first: Connection, _ body: ([Connection]) async throws -> T)
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
            Query("SET default_toast_compression = 'lz4'", name: "prefer lz4 TOAST compression"))
    }

}

import Logging
import Postgres
import QualityAI
import Synchronization

/// The fetch-and-load loop of one run: up to `concurrency` slices in flight, completed slices
/// grouped per stream into batches, each batch one transaction with its checkpoints, loaded by up
/// to one batch per writer connection at the same time.
final class SyncExecution: Sendable {
    let client: RawDataClient
    let loader: BatchLoader
    let checkpoints: CheckpointWriter
    let request: SyncRequest
    let runId: Int64
    let logger: Logger
    private let totals = Mutex(RunTotals())
    /// What `etl_slice.reason` records for each planned slice.
    private let reasons: [SliceKey: String]

    /// What the loop did.
    struct Outcome {
        var totals: RunTotals
        var requests: WindowStatistics
        var deferred: [SliceSpec]
    }

    /// One stream's fetched slices, loaded in one transaction.
    private struct BatchContents: Sendable {
        var stream: String
        var results: [WindowResult]
        /// Type drift of each of `results`, and what `--strict-types` took out of it.
        var drift: [TypeDrift]

        var keys: [SliceKey] {
            results.map { SliceKey(streamId: $0.streamId, start: $0.window.start, end: $0.window.end) }
        }
    }

    /// What finished in the loop's task group.
    private enum Finished: Sendable {
        case fetched(Int, WindowResult)
        case fetchFailed(any Error)
        case committed(writer: Int, counts: LoadCounts)
        case commitFailed(any Error)
    }

    init(
        client: RawDataClient, loader: BatchLoader, checkpoints: CheckpointWriter, request: SyncRequest, runId: Int64,
        logger: Logger
    ) {
        self.client = client
        self.loader = loader
        self.checkpoints = checkpoints
        self.request = request
        self.runId = runId
        self.logger = logger
        var reasons: [SliceKey: String] = [:]
        for spec in request.slices { reasons[SliceKey(spec)] = spec.reason }
        self.reasons = reasons
    }

    /// The totals committed so far (for the run record of a failed run).
    var progress: RunTotals { totals.withLock { $0 } }

    /// Fetches `slices` and loads them through `writers` (one batch per connection at a time), as
    /// `SyncScheduler` decides. When a fetch or a batch fails, the fetches and statements still
    /// running are cancelled and the error is thrown; batches that committed stay committed.
    func run(_ slices: [SliceSpec], writers: [Connection]) async throws -> Outcome {
        precondition(!writers.isEmpty, "a run needs at least one writer connection")
        var scheduler = SyncScheduler(
            slices: slices, concurrency: request.concurrency, batchConversations: request.batchConversations,
            writers: writers.count)
        var fetched: [Int: (result: WindowResult, drift: TypeDrift)] = [:]
        var loading: [Int: BatchContents] = [:]
        let finished = try await withThrowingTaskGroup(of: Finished.self, returning: SyncScheduler.Outcome.self) {
            group in
            noteBudget(&scheduler)
            var actions = scheduler.start()
            while true {
                for action in actions {
                    switch action {
                    case .fetch(let position):
                        let spec = slices[position]
                        group.addTask { [client] in
                            do {
                                return .fetched(
                                    position, try await client.fetchWindow(streamId: spec.streamId, window: spec.window)
                                )
                            } catch {
                                return .fetchFailed(error)
                            }
                        }
                    case .load(let batch, let writer):
                        let parts = batch.slices.compactMap { fetched.removeValue(forKey: $0) }
                        let contents = BatchContents(
                            stream: batch.stream, results: parts.map(\.result), drift: parts.map(\.drift))
                        loading[writer] = contents
                        addLoad(contents, watermark: batch.watermark, writer: writer, on: writers[writer], to: &group)
                    case .finish(let outcome):
                        return outcome
                    case .fail(let error):
                        throw error
                    }
                }
                guard let event = try await group.next() else {
                    preconditionFailure("the sync scheduler waits with nothing in flight")
                }
                noteBudget(&scheduler)
                switch event {
                case .fetched(let position, let result):
                    CrashPoint.reach("fetched")
                    let split = TypeDrift.split(result, strict: request.strictTypes)
                    fetched[position] = split
                    actions = scheduler.sliceFetched(position, conversations: split.result.conversations.count)
                case .fetchFailed(let error):
                    actions = scheduler.fetchFailed(error)
                case .committed(let writer, let counts):
                    if let contents = loading.removeValue(forKey: writer) { note(contents, counts: counts) }
                    actions = scheduler.batchCommitted(writer: writer)
                case .commitFailed(let error):
                    actions = scheduler.commitFailed(error)
                }
            }
        }
        try await advanceLaggingWatermarks(finished.laggingWatermarks, on: writers[0])
        return Outcome(
            totals: progress, requests: client.statistics.snapshot(), deferred: finished.deferred.map { slices[$0] })
    }

    /// Tells `scheduler` when the run has made `--max-requests` requests.
    private func noteBudget(_ scheduler: inout SyncScheduler) {
        guard let limit = request.maxRequests, client.statistics.snapshot().requests >= limit else { return }
        scheduler.budgetSpent()
    }

    /// Starts loading `contents` on `connection`; cancelling the task cancels its running statement.
    private func addLoad(
        _ contents: BatchContents, watermark mark: Int64?, writer: Int, on connection: Connection,
        to group: inout ThrowingTaskGroup<Finished, any Error>
    ) {
        group.addTask {
            await withTaskCancellationHandler {
                do {
                    let counts = try await self.commit(contents, watermark: mark, on: connection)
                    return .committed(writer: writer, counts: counts)
                } catch {
                    return .commitFailed(error)
                }
            } onCancel: {
                connection.cancelRunningStatement()
            }
        }
    }

    /// Loads one batch in one transaction with its checkpoints and, when given, the stream's new
    /// watermark; a lock timeout, deadlock or serialization failure retries the whole batch with
    /// the same fetched data (`SyncRequest.lockPolicy`).
    private func commit(_ batch: BatchContents, watermark mark: Int64?, on connection: Connection) async throws
        -> LoadCounts
    {
        let conversations = batch.results.flatMap(\.conversations)
        let (loader, checkpoints, runId, stream, results, drift, clock) = (
            self.loader, self.checkpoints, self.runId, batch.stream, batch.results, batch.drift, request.clock
        )
        let reasons = batch.keys.map { self.reasons[$0] ?? "" }
        let windowStarts = Self.windowStarts(results)
        let operation = "batch of stream \(stream) (\(results.count) slices, \(conversations.count) conversations)"
        let counts = try await retrier.transaction(operation, on: connection, onRetry: noteLockRetry) { connection in
            let now = clock()
            let counts = try loader.load(
                conversations, streamId: stream, runId: runId, observedAt: now, windowStarts: windowStarts,
                on: connection)
            _ = try RollupRefresher(schema: loader.schema).markChangedInBatch(on: connection)
            CrashPoint.reach("before-checkpoint")
            try checkpoints.recordBatch(
                runId: runId, results: results, drift: drift, reasons: reasons, completedAt: now, on: connection)
            if let mark { try checkpoints.advanceWatermark(streamId: stream, to: mark, on: connection) }
            CrashPoint.reach("before-commit")
            return counts
        }
        CrashPoint.reach("after-commit")
        return counts
    }

    /// The window each conversation of `results` was fetched in (its start, by conversation id).
    private static func windowStarts(_ results: [WindowResult]) -> [String: Int64] {
        var starts: [String: Int64] = [:]
        for result in results {
            for conversation in result.conversations { starts[conversation.conversationId] = result.window.start }
        }
        return starts
    }

    /// Adds a committed batch to the run's totals and logs it.
    private func note(_ batch: BatchContents, counts: LoadCounts) {
        totals.withLock { totals in
            for (index, result) in batch.results.enumerated() {
                totals.add(result, counts: index == 0 ? counts : nil, drift: batch.drift[index])
            }
        }
        logger.debug(
            "batch.committed",
            metadata: [
                "stream.id": "\(batch.stream)", "batch.slices": "\(batch.results.count)",
                "batch.conversations": "\(counts.staged)", "batch.inserted": "\(counts.inserted)",
                "batch.updated": "\(counts.updated)",
            ])
    }

    /// A batch that committed while an earlier batch of its stream was still loading could not
    /// move the watermark past the earlier one's slices; once all have committed, one small
    /// transaction moves each such stream's watermark to the end of its unbroken run of committed slices.
    private func advanceLaggingWatermarks(_ lagging: [String: Int64], on connection: Connection) async throws {
        guard !lagging.isEmpty else { return }
        let checkpoints = self.checkpoints
        try await retrier.transaction("watermark update", on: connection, onRetry: noteLockRetry) { connection in
            for (stream, mark) in lagging.sorted(by: { $0.key < $1.key }) {
                try checkpoints.advanceWatermark(streamId: stream, to: mark, on: connection)
            }
        }
    }

    /// Runs the run's transactions under its lock policy.
    var retrier: LockRetrier { LockRetrier(policy: request.lockPolicy, schema: loader.schema, logger: logger) }

    /// Counts a transaction retried after a lock timeout, deadlock or serialization failure.
    func noteLockRetry() {
        totals.withLock { $0.lockRetries += 1 }
    }
}

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

    /// What the loop did.
    struct Outcome {
        var totals: RunTotals
        var requests: WindowStatistics
        var deferred: [SliceSpec]
    }

    /// One fetched slice: what arrived, its type drift (and what `--strict-types` took out of it),
    /// and what `etl_slice.reason` records.
    private struct FetchedSlice: Sendable {
        var result: WindowResult
        var drift: TypeDrift
        var reason: String
    }

    /// One stream's fetched slices, loaded in one transaction.
    private struct BatchContents: Sendable {
        var stream: String
        var results: [WindowResult]
        /// Type drift of each of `results`, and what `--strict-types` took out of it.
        var drift: [TypeDrift]
        /// `etl_slice.reason` of each of `results`.
        var reasons: [String]

    }

    /// What finished in the loop's task group.
    private enum Finished: Sendable {
        case fetched(Int, WindowResult)
        case tooDense(Int, totalResults: Int?)
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
        var fetched: [Int: FetchedSlice] = [:]
        // Streams whose data proved dense enough that any wide slice holds undated records.
        var undated: Set<String> = []
        var loading: [Int: BatchContents] = [:]
        let finished = try await withThrowingTaskGroup(of: Finished.self, returning: SyncScheduler.Outcome.self) {
            group in
            noteBudget(&scheduler)
            var actions = scheduler.start()
            while true {
                while !actions.isEmpty {
                    switch actions.removeFirst() {
                    case .fetch(let position):
                        let spec = scheduler.slices[position]
                        if spec.isWide, undated.contains(spec.streamId) {
                            // Its wide slices would only be fetched again as planned slices.
                            actions += scheduler.sliceCut(position, into: spec.narrowed(afterPages: .max))
                        } else {
                            addFetch(spec, at: position, to: &group)
                        }
                    case .load(let batch, let writer):
                        let parts = batch.slices.compactMap { fetched.removeValue(forKey: $0) }
                        let contents = BatchContents(
                            stream: batch.stream, results: parts.map(\.result), drift: parts.map(\.drift),
                            reasons: parts.map(\.reason))
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
                    CrashPoint.fetched.reach()
                    let spec = scheduler.slices[position]
                    if spec.isWide, result.holdsUndatedRecords {
                        let parts = spec.narrowed(afterPages: result.statistics.pages)
                        if result.statistics.pages > 1 { undated.insert(spec.streamId) }
                        noteCut(spec, reason: "undated records", total: result.totalResults, parts: parts.count)
                        actions = scheduler.sliceCut(position, into: parts)
                        continue
                    }
                    let split = TypeDrift.split(result, strict: request.strictTypes)
                    fetched[position] = FetchedSlice(
                        result: split.result, drift: split.drift, reason: scheduler.slices[position].reason)
                    actions = scheduler.sliceFetched(position, conversations: split.result.conversations.count)
                case .tooDense(let position, let total):
                    let wide = scheduler.slices[position]
                    let parts = wide.cut(
                        totalResults: total, accepted: client.configuration.splitThreshold,
                        pageSize: client.configuration.pageSize)
                    noteCut(wide, reason: "dense", total: total, parts: parts.count)
                    actions = scheduler.sliceCut(position, into: parts)
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
            totals: progress, requests: client.statistics.snapshot(),
            deferred: finished.deferred.map { scheduler.slices[$0] })
    }

    /// Starts fetching `spec`: a wide slice is taken whole only when its first page announces at
    /// most the client's split threshold.
    private func addFetch(_ spec: SliceSpec, at position: Int, to group: inout ThrowingTaskGroup<Finished, any Error>) {
        group.addTask { [client] in
            do {
                guard spec.isWide else {
                    return .fetched(
                        position, try await client.fetchWindow(streamId: spec.streamId, window: spec.window))
                }
                let accepted = client.configuration.splitThreshold
                switch try await client.fetchWindow(streamId: spec.streamId, window: spec.window, accepting: accepted) {
                case .complete(let result): return .fetched(position, result)
                case .tooDense(let total): return .tooDense(position, totalResults: total)
                }
            } catch {
                return .fetchFailed(error)
            }
        }
    }

    /// Logs that a wide slice is fetched as `parts` instead, and why.
    private func noteCut(_ wide: SliceSpec, reason: String, total: Int?, parts: Int) {
        logger.debug(
            "slice.cut",
            metadata: [
                "stream.id": "\(wide.streamId)", "slice.window": "\(wide.window)", "cut.reason": "\(reason)",
                "window.total": "\(total.map(String.init) ?? "-")", "slice.parts": "\(parts)",
            ])
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
        let reasons = batch.reasons
        let windowStarts = Self.windowStarts(results)
        let operation = "batch of stream \(stream) (\(results.count) slices, \(conversations.count) conversations)"
        let counts = try await retrier.transaction(operation, on: connection, onRetry: noteLockRetry) { connection in
            let now = clock()
            let counts = try loader.load(
                conversations, streamId: stream, runId: runId, observedAt: now, windowStarts: windowStarts,
                on: connection)
            _ = try RollupRefresher(schema: loader.schema).markChangedInBatch(on: connection)
            CrashPoint.beforeCheckpoint.reach()
            try checkpoints.recordBatch(
                runId: runId, results: results, drift: drift, reasons: reasons, completedAt: now, on: connection)
            if let mark { try checkpoints.advanceWatermark(streamId: stream, to: mark, on: connection) }
            CrashPoint.beforeCommit.reach()
            return counts
        }
        CrashPoint.afterCommit.reach()
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

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
    let recorder: RunRecorder
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
    private struct Batch: Sendable {
        var stream: String
        var results: [WindowResult]
        /// Type drift of each of `results`, and what `--strict-types` took out of it.
        var drift: [TypeDrift]

        init(_ stream: String, _ slices: [(result: WindowResult, drift: TypeDrift)]) {
            self.stream = stream
            results = slices.map(\.result)
            drift = slices.map(\.drift)
        }

        var keys: [SliceKey] {
            results.map { SliceKey(streamId: $0.streamId, start: $0.window.start, end: $0.window.end) }
        }
    }

    /// What finished in the loop's task group.
    private enum Event: Sendable {
        case fetched(WindowResult)
        case committed(Batch, writer: Int, counts: LoadCounts, watermark: Int64?)
    }

    init(
        client: RawDataClient, loader: BatchLoader, recorder: RunRecorder, request: SyncRequest, runId: Int64,
        logger: Logger
    ) {
        self.client = client
        self.loader = loader
        self.recorder = recorder
        self.request = request
        self.runId = runId
        self.logger = logger
        var reasons: [SliceKey: String] = [:]
        for spec in request.slices { reasons[SliceKey(spec)] = spec.reason }
        self.reasons = reasons
    }

    /// The totals committed so far (for the run record of a failed run).
    var progress: RunTotals { totals.withLock { $0 } }

    /// Fetches `slices` and loads them through `writers` (one batch per connection at a time).
    /// New fetches wait while a fetched batch waits for a free writer, and go one at a time while
    /// every writer is busy, so memory stays bounded.
    /// When a batch fails, the statements still running on the other writers are cancelled.
    func run(_ slices: [SliceSpec], writers: [Connection]) async throws -> Outcome {
        precondition(!writers.isEmpty, "a run needs at least one writer connection")
        var tracker = WatermarkTracker(slices)
        var advanced: [String: Int64] = [:]
        var pending: [String: [(result: WindowResult, drift: TypeDrift)]] = [:]
        var ready: [Batch] = []
        var free = Array(writers.indices.reversed())
        var deferred: [SliceSpec] = []
        let client = self.client
        try await withThrowingTaskGroup(of: Event.self) { group in
            var queue = slices[...]
            var fetching = 0
            func budgetLeft() -> Bool {
                guard let limit = request.maxRequests else { return true }
                return client.statistics.snapshot().requests < limit
            }
            while true {
                while !ready.isEmpty, let writer = free.popLast() {
                    let batch = ready.removeFirst()
                    let mark = tracker.watermark(for: batch.stream, ifCommitting: batch.keys)
                    let connection = writers[writer]
                    group.addTask {
                        try await withTaskCancellationHandler {
                            let counts = try await self.commit(batch, watermark: mark, on: connection)
                            return .committed(batch, writer: writer, counts: counts, watermark: mark)
                        } onCancel: {
                            connection.cancelRunningStatement()
                        }
                    }
                }
                if ready.isEmpty {
                    // While every writer is busy, one slice at a time fills the next batch: fetching
                    // is faster than loading, and memory holds little more than the batches loading.
                    let limit = free.isEmpty ? 1 : max(1, request.concurrency)
                    while fetching < limit, let next = queue.first, budgetLeft() {
                        queue.removeFirst()
                        fetching += 1
                        group.addTask {
                            .fetched(try await client.fetchWindow(streamId: next.streamId, window: next.window))
                        }
                    }
                }
                if fetching == 0, queue.isEmpty || !budgetLeft() {
                    // Nothing more will be fetched: what waits becomes batches.
                    for stream in pending.keys.sorted() {
                        ready.append(Batch(stream, pending.removeValue(forKey: stream) ?? []))
                    }
                    if !ready.isEmpty, !free.isEmpty { continue }
                }
                guard let event = try await group.next() else { break }
                switch event {
                case .fetched(let result):
                    fetching -= 1
                    CrashPoint.reach("fetched")
                    pending[result.streamId, default: []].append(TypeDrift.split(result, strict: request.strictTypes))
                    let waiting = pending[result.streamId, default: []].reduce(0) { $0 + $1.result.conversations.count }
                    if waiting >= request.batchConversations {
                        ready.append(Batch(result.streamId, pending.removeValue(forKey: result.streamId) ?? []))
                    }
                case .committed(let batch, let writer, let counts, let mark):
                    free.append(writer)
                    tracker.commit(batch.keys)
                    if let mark { advanced[batch.stream] = max(advanced[batch.stream] ?? mark, mark) }
                    note(batch, counts: counts)
                }
            }
            deferred = Array(queue)
        }
        try await advanceLaggingWatermarks(tracker: tracker, advanced: advanced, on: writers[0])
        return Outcome(totals: progress, requests: client.statistics.snapshot(), deferred: deferred)
    }

    /// Loads one batch in one transaction with its checkpoints and, when given, the stream's new
    /// watermark; a lock timeout, deadlock or serialization failure retries the whole batch with
    /// the same fetched data (`SyncRequest.lockPolicy`).
    private func commit(_ batch: Batch, watermark mark: Int64?, on connection: Connection) async throws -> LoadCounts {
        let conversations = batch.results.flatMap(\.conversations)
        let (loader, recorder, runId, stream, results, drift, clock) = (
            self.loader, self.recorder, self.runId, batch.stream, batch.results, batch.drift, request.clock
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
            try recorder.recordBatch(
                runId: runId, results: results, drift: drift, reasons: reasons, completedAt: now, on: connection)
            if let mark { try recorder.advanceWatermark(streamId: stream, to: mark, on: connection) }
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
    private func note(_ batch: Batch, counts: LoadCounts) {
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
    /// transaction moves it to the end of the unbroken run of committed slices.
    private func advanceLaggingWatermarks(
        tracker: WatermarkTracker, advanced: [String: Int64], on connection: Connection
    ) async throws {
        let lagging = tracker.committedWatermarks.filter { stream, mark in (advanced[stream] ?? .min) < mark }
        guard !lagging.isEmpty else { return }
        let recorder = self.recorder
        try await retrier.transaction("watermark update", on: connection, onRetry: noteLockRetry) { connection in
            for (stream, mark) in lagging.sorted(by: { $0.key < $1.key }) {
                try recorder.advanceWatermark(streamId: stream, to: mark, on: connection)
            }
        }
    }

    /// Rebuilds the pending rollup days (the run's and any a stopped run left) under the lock
    /// policy, `refreshDaysPerTransaction` days a transaction: each holds the schema's rollup lock,
    /// which batches of other loaders marking days wait for, only briefly. Days rebuilt stay
    /// rebuilt if a later chunk fails; the rest stay pending for the next run.
    func refreshRollups(on connection: Connection) async throws {
        let refresher = RollupRefresher(schema: loader.schema)
        let days = try await connection.withTransaction { try refresher.pendingDays(on: $0) }
        for start in stride(from: 0, to: days.count, by: Self.refreshDaysPerTransaction) {
            let chunk = Array(days[start..<min(start + Self.refreshDaysPerTransaction, days.count)])
            let operation = "rollup refresh of \(chunk[0]) to \(chunk[chunk.count - 1])"
            _ = try await retrier.transaction(operation, on: connection, onRetry: noteLockRetry) {
                try refresher.refresh(days: chunk, on: $0)
            }
        }
    }

    /// Rollup days rebuilt in one transaction at the end of a run.
    static let refreshDaysPerTransaction = 31

    private var retrier: LockRetrier { LockRetrier(policy: request.lockPolicy, schema: loader.schema, logger: logger) }

    private func noteLockRetry() {
        totals.withLock { $0.lockRetries += 1 }
    }
}

import Logging
import Postgres
import QualityAI
import Synchronization

/// The fetch-and-load loop of one run: up to `concurrency` slices in flight, completed slices
/// grouped per stream into batches, each batch one transaction with its checkpoints.
final class SyncExecution: Sendable {
    let client: RawDataClient
    let loader: BatchLoader
    let recorder: RunRecorder
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
    }

    /// The totals committed so far (for the run record of a failed run).
    var progress: RunTotals { totals.withLock { $0 } }

    func run(_ slices: [SliceSpec], on connection: Connection) async throws -> Outcome {
        var tracker = WatermarkTracker(slices)
        var pending: [String: [WindowResult]] = [:]
        var deferred: [SliceSpec] = []
        let client = self.client
        try await withThrowingTaskGroup(of: WindowResult.self) { group in
            var queue = slices[...]
            var inFlight = 0
            func budgetLeft() -> Bool {
                guard let limit = request.maxRequests else { return true }
                return client.statistics.snapshot().requests < limit
            }
            while inFlight < max(1, request.concurrency), let next = queue.first, budgetLeft() {
                queue.removeFirst()
                inFlight += 1
                group.addTask { try await client.fetchWindow(streamId: next.streamId, window: next.window) }
            }
            while let result = try await group.next() {
                inFlight -= 1
                CrashPoint.reach("fetched")
                pending[result.streamId, default: []].append(result)
                let waiting = pending[result.streamId, default: []].reduce(0) { $0 + $1.conversations.count }
                if waiting >= request.batchConversations {
                    try await commit(
                        pending.removeValue(forKey: result.streamId) ?? [], tracker: &tracker, on: connection)
                }
                while inFlight < max(1, request.concurrency), let next = queue.first, budgetLeft() {
                    queue.removeFirst()
                    inFlight += 1
                    group.addTask { try await client.fetchWindow(streamId: next.streamId, window: next.window) }
                }
            }
            deferred = Array(queue)
        }
        for stream in pending.keys.sorted() {
            try await commit(pending[stream] ?? [], tracker: &tracker, on: connection)
        }
        return Outcome(totals: progress, requests: client.statistics.snapshot(), deferred: deferred)
    }

    /// Loads one stream's fetched slices in one transaction with their checkpoints and watermark;
    /// a lock timeout, deadlock or serialization failure retries the whole batch with the same
    /// fetched data (`SyncRequest.lockPolicy`).
    private func commit(_ results: [WindowResult], tracker: inout WatermarkTracker, on connection: Connection)
        async throws
    {
        guard let stream = results.first?.streamId else { return }
        let keys = results.map { SliceKey(streamId: $0.streamId, start: $0.window.start, end: $0.window.end) }
        let mark = tracker.watermark(for: stream, ifCommitting: keys)
        let conversations = results.flatMap(\.conversations)
        let (loader, recorder, runId) = (self.loader, self.recorder, self.runId)
        let operation = "batch of stream \(stream) (\(results.count) slices, \(conversations.count) conversations)"
        let counts = try await retrier.transaction(operation, on: connection, onRetry: noteLockRetry) { connection in
            let counts = try loader.load(conversations, streamId: stream, runId: runId, on: connection)
            _ = try RollupRefresher(schema: loader.schema).markChangedInBatch(on: connection)
            CrashPoint.reach("before-checkpoint")
            try recorder.recordBatch(runId: runId, results: results, on: connection)
            if let mark { try recorder.advanceWatermark(streamId: stream, to: mark, on: connection) }
            CrashPoint.reach("before-commit")
            return counts
        }
        CrashPoint.reach("after-commit")
        tracker.commit(keys)
        totals.withLock { totals in
            for (index, result) in results.enumerated() {
                totals.add(result, counts: index == 0 ? counts : nil)
            }
        }
        logger.debug(
            "batch.committed",
            metadata: [
                "stream.id": "\(stream)", "batch.slices": "\(results.count)",
                "batch.conversations": "\(counts.staged)", "batch.inserted": "\(counts.inserted)",
                "batch.updated": "\(counts.updated)",
            ])
    }

    /// Rebuilds the rollup days the run's batches marked, in one transaction under the lock policy.
    func refreshRollups(on connection: Connection) async throws {
        let schema = loader.schema
        _ = try await retrier.transaction("rollup refresh", on: connection, onRetry: noteLockRetry) {
            try RollupRefresher(schema: schema).refreshPending(on: $0)
        }
    }

    private var retrier: LockRetrier { LockRetrier(policy: request.lockPolicy, schema: loader.schema, logger: logger) }

    private func noteLockRetry() {
        totals.withLock { $0.lockRetries += 1 }
    }
}

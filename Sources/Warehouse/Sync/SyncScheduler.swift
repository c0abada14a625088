/// The decisions of one run's fetch-and-load loop, with no I/O: which slice to fetch next, when a
/// stream's fetched slices make a batch, which writer loads it and with which watermark, when the
/// run is done and when it fails. `SyncExecution` reports what finished, one event at a time, and
/// carries out the actions returned; an empty list means wait for the next event.
///
/// The rules: slices are fetched in plan order (the parts of a wide slice that proved too dense
/// take its place, first in line), up to `concurrency` at a time while a writer is
/// free and one at a time while every writer is busy, and none while a formed batch waits for a
/// writer. A stream's fetched slices become a batch once they hold at least `batchConversations`
/// conversations, or when nothing more will be fetched (streams in name order). Batches go to
/// writers in the order they formed, one per writer at a time; two batches of one stream may load
/// at once and commit in either order, so a batch's watermark covers only the stream's unbroken
/// run of committed slices (`WatermarkTracker`) and the end of the run writes what lagged behind.
struct SyncScheduler {
    private enum State {
        case running
        case finished
        case failed
    }

    /// The plan: the planned slices, then the parts of cut wide slices as they were cut.
    private(set) var slices: [SliceSpec]
    private let concurrency: Int
    private let batchConversations: Int
    private var state = State.running
    /// Positions of the slices still to fetch, in fetch order.
    private var queue: [Int]
    private var fetching = 0
    private var budgetLeft = true
    /// Per stream: fetched slices not yet in a batch, and their conversations.
    private var pending: [String: (slices: [Int], conversations: Int)] = [:]
    /// Formed batches waiting for a writer, oldest first.
    private var ready: [(stream: String, slices: [Int])] = []
    /// Writers without a batch; the last one takes the next batch.
    private var free: [Int]
    private var loading: [Int: Batch] = [:]
    private var tracker: WatermarkTracker
    /// Per stream: the highest watermark a committed batch wrote.
    private var advanced: [String: Int64] = [:]

    init(slices: [SliceSpec], concurrency: Int, batchConversations: Int, writers: Int) {
        precondition(writers >= 1, "a run needs at least one writer connection")
        self.slices = slices
        self.concurrency = concurrency
        self.batchConversations = batchConversations
        free = Array((0..<writers).reversed())
        queue = Array(slices.indices.reversed())
        tracker = WatermarkTracker(slices)
    }

    /// The first fetches.
    mutating func start() -> [Action] {
        decide()
    }

    /// The request budget (`--max-requests`) is spent: no new fetches from the next decision on;
    /// those in flight finish and are loaded, the rest are deferred.
    mutating func budgetSpent() {
        budgetLeft = false
    }

    /// The slice at `position` was fetched, holding `conversations` conversations to load.
    mutating func sliceFetched(_ position: Int, conversations: Int) -> [Action] {
        guard state == .running else { return [] }
        fetching -= 1
        let stream = slices[position].streamId
        var waiting = pending[stream, default: ([], 0)]
        waiting.slices.append(position)
        waiting.conversations += conversations
        if waiting.conversations >= batchConversations {
            pending[stream] = nil
            ready.append((stream, waiting.slices))
        } else {
            pending[stream] = waiting
        }
        return decide()
    }

    /// The wide slice at `position` proved too dense: `parts` (covering its window, in time order)
    /// are fetched instead, before the slices after it.
    mutating func sliceCut(_ position: Int, into parts: [SliceSpec]) -> [Action] {
        guard state == .running else { return [] }
        fetching -= 1
        let first = slices.count
        slices += parts
        tracker.replace(SliceKey(slices[position]), with: parts)
        queue += (first..<slices.count).reversed()
        return decide()
    }

    /// The batch loading on `writer` committed.
    mutating func batchCommitted(writer: Int) -> [Action] {
        guard state == .running, let batch = loading.removeValue(forKey: writer) else { return [] }
        free.append(writer)
        tracker.commit(batch.slices.map { SliceKey(slices[$0]) })
        if let mark = batch.watermark { advanced[batch.stream] = max(advanced[batch.stream] ?? mark, mark) }
        return decide()
    }

    /// A fetch failed (after the client's own retries): the run fails with `error`.
    mutating func fetchFailed(_ error: any Error) -> [Action] {
        fail(error)
    }

    /// A batch's transaction failed (after the lock policy's retries): the run fails with `error`.
    mutating func commitFailed(_ error: any Error) -> [Action] {
        fail(error)
    }

    private mutating func fail(_ error: any Error) -> [Action] {
        guard state == .running else { return [] }
        state = .failed
        return [.fail(error)]
    }

    /// Hands formed batches to free writers, starts fetches, and forms the last batches once
    /// nothing more will be fetched, until nothing more can start.
    private mutating func decide() -> [Action] {
        var actions: [Action] = []
        while true {
            while !ready.isEmpty, let writer = free.popLast() {
                let (stream, positions) = ready.removeFirst()
                let keys = positions.map { SliceKey(slices[$0]) }
                let batch = Batch(
                    stream: stream, slices: positions, watermark: tracker.watermark(for: stream, ifCommitting: keys))
                loading[writer] = batch
                actions.append(.load(batch, writer: writer))
            }
            if ready.isEmpty {
                // While every writer is busy, one slice at a time fills the next batch: fetching is
                // faster than loading, and memory holds little more than the batches loading.
                let limit = free.isEmpty ? 1 : max(1, concurrency)
                while fetching < limit, budgetLeft, let position = queue.popLast() {
                    actions.append(.fetch(position))
                    fetching += 1
                }
            }
            guard fetching == 0, queue.isEmpty || !budgetLeft else { return actions }
            for stream in pending.keys.sorted() {
                ready.append((stream, pending.removeValue(forKey: stream)?.slices ?? []))
            }
            if !ready.isEmpty, !free.isEmpty { continue }
            if ready.isEmpty, loading.isEmpty {
                state = .finished
                actions.append(.finish(outcome))
            }
            return actions
        }
    }

    private var outcome: Outcome {
        let lagging = tracker.committedWatermarks.filter { stream, mark in (advanced[stream] ?? .min) < mark }
        return Outcome(deferred: Array(queue.reversed()), laggingWatermarks: lagging)
    }
}

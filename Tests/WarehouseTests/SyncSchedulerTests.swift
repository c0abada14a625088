import QualityAI
import Testing

@testable import Warehouse

/// The run loop's decisions, scripted event by event with no database and no HTTP. Expected
/// actions are worked out by hand from the rules in `SyncScheduler`'s documentation.
@Suite("Sync scheduling")
struct SyncSchedulerTests {
    static let day: Int64 = 86_400

    /// Day `n` (UTC, from 1970-01-01) of `stream`.
    static func slice(_ stream: String, day n: Int64, kind: SliceSpec.Kind = .newData) -> SliceSpec {
        SliceSpec(streamId: stream, window: TimeWindow(start: n * day, end: (n + 1) * day - 1), kind: kind)
    }

    /// The watermark once day `n` committed: the first second of day n + 1.
    static func after(day n: Int64) -> Int64 { (n + 1) * day }

    /// An action in a form tests can compare.
    enum Step: Equatable {
        case fetch(Int)
        case load(String, [Int], watermark: Int64?, writer: Int)
        case finish(deferred: [Int], lagging: [String: Int64])
        case fail(String)
    }

    static func steps(_ actions: [SyncScheduler.Action]) -> [Step] {
        actions.map { action in
            switch action {
            case .fetch(let position): .fetch(position)
            case .load(let batch, let writer):
                .load(batch.stream, batch.slices, watermark: batch.watermark, writer: writer)
            case .finish(let outcome): .finish(deferred: outcome.deferred, lagging: outcome.laggingWatermarks)
            case .fail(let error): .fail("\(error)")
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func scheduler(
        _ slices: [SliceSpec], concurrency: Int, batchConversations: Int, writers: Int
    ) -> SyncScheduler {
        SyncScheduler(
            slices: slices, concurrency: concurrency, batchConversations: batchConversations, writers: writers)
    }

    @Test("slices are fetched in plan order, as many at a time as the concurrency allows")
    func fetchesInOrderUpToTheLimit() {
        var s = Self.scheduler(
            (0..<5).map { Self.slice("a", day: $0) }, concurrency: 3, batchConversations: 1_000, writers: 2)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1), .fetch(2)])
        #expect(Self.steps(s.sliceFetched(1, conversations: 10)) == [.fetch(3)])
        #expect(Self.steps(s.sliceFetched(0, conversations: 10)) == [.fetch(4)])
        #expect(Self.steps(s.sliceFetched(2, conversations: 10)) == [])
        #expect(Self.steps(s.sliceFetched(4, conversations: 10)) == [])
        // Nothing more to fetch: the stream's slices, in the order they arrived, make one batch.
        #expect(
            Self.steps(s.sliceFetched(3, conversations: 10)) == [
                .load("a", [1, 0, 2, 4, 3], watermark: Self.after(day: 4), writer: 0)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: [:])])
    }

    @Test(
        "a batch forms once it holds batchConversations, or when nothing more will be fetched; a busy writer slows fetching to one slice"
    )
    func batchesFormWhenFullOrAtTheEnd() {
        var s = Self.scheduler(
            (0..<6).map { Self.slice("a", day: $0) }, concurrency: 2, batchConversations: 10, writers: 1)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1)])
        // Full at once; the only writer takes it, and slice 1 is still in flight, so no fetch.
        #expect(
            Self.steps(s.sliceFetched(0, conversations: 10)) == [
                .load("a", [0], watermark: Self.after(day: 0), writer: 0)
            ])
        #expect(Self.steps(s.sliceFetched(1, conversations: 4)) == [.fetch(2)])
        // The writer is free again: up to two fetches, one is in flight.
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.fetch(3)])
        #expect(
            Self.steps(s.sliceFetched(2, conversations: 6)) == [
                .load("a", [1, 2], watermark: Self.after(day: 2), writer: 0)
            ])
        #expect(Self.steps(s.sliceFetched(3, conversations: 3)) == [.fetch(4)])
        #expect(Self.steps(s.sliceFetched(4, conversations: 3)) == [.fetch(5)])
        // 7 conversations wait, fewer than 10, but nothing more will be fetched: a batch for the busy writer.
        #expect(Self.steps(s.sliceFetched(5, conversations: 1)) == [])
        #expect(
            Self.steps(s.batchCommitted(writer: 0)) == [
                .load("a", [3, 4, 5], watermark: Self.after(day: 5), writer: 0)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: [:])])
    }

    @Test("batches hold one stream each; the last batches form in stream name order")
    func batchesArePerStream() {
        var s = Self.scheduler(
            [Self.slice("b", day: 0), Self.slice("a", day: 0), Self.slice("b", day: 1), Self.slice("a", day: 1)],
            concurrency: 4, batchConversations: 10, writers: 1)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1), .fetch(2), .fetch(3)])
        #expect(Self.steps(s.sliceFetched(0, conversations: 6)) == [])
        #expect(Self.steps(s.sliceFetched(1, conversations: 6)) == [])
        #expect(
            Self.steps(s.sliceFetched(2, conversations: 6)) == [
                .load("b", [0, 2], watermark: Self.after(day: 1), writer: 0)
            ])
        #expect(Self.steps(s.sliceFetched(3, conversations: 1)) == [])
        #expect(
            Self.steps(s.batchCommitted(writer: 0)) == [.load("a", [1, 3], watermark: Self.after(day: 1), writer: 0)])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: [:])])

        var last = Self.scheduler(
            [Self.slice("b", day: 0), Self.slice("a", day: 0)], concurrency: 2, batchConversations: 100, writers: 1)
        #expect(Self.steps(last.start()) == [.fetch(0), .fetch(1)])
        #expect(Self.steps(last.sliceFetched(0, conversations: 5)) == [])
        #expect(
            Self.steps(last.sliceFetched(1, conversations: 5)) == [
                .load("a", [1], watermark: Self.after(day: 0), writer: 0)
            ])
        #expect(
            Self.steps(last.batchCommitted(writer: 0)) == [.load("b", [0], watermark: Self.after(day: 0), writer: 0)])
        #expect(Self.steps(last.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: [:])])
    }

    @Test("two writers take two batches of different streams at the same time")
    func twoWritersTwoStreams() {
        var s = Self.scheduler(
            [Self.slice("a", day: 0), Self.slice("b", day: 0)], concurrency: 2, batchConversations: 1, writers: 2)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1)])
        #expect(
            Self.steps(s.sliceFetched(0, conversations: 1)) == [
                .load("a", [0], watermark: Self.after(day: 0), writer: 0)
            ])
        #expect(
            Self.steps(s.sliceFetched(1, conversations: 1)) == [
                .load("b", [1], watermark: Self.after(day: 0), writer: 1)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 1)) == [])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: [:])])
    }

    @Test("batches of one stream may load at once, but the watermark moves only over the committed prefix")
    func watermarkCoversOnlyTheCommittedPrefix() {
        var s = Self.scheduler(
            (0..<3).map { Self.slice("a", day: $0) }, concurrency: 3, batchConversations: 1, writers: 2)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1), .fetch(2)])
        // Day 1 arrives first: day 0 has not committed, so its batch moves no watermark.
        #expect(Self.steps(s.sliceFetched(1, conversations: 1)) == [.load("a", [1], watermark: nil, writer: 0)])
        #expect(
            Self.steps(s.sliceFetched(0, conversations: 1)) == [
                .load("a", [0], watermark: Self.after(day: 0), writer: 1)
            ])
        // Day 1 commits before day 0: day 2's batch still cannot move the watermark.
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [])
        #expect(Self.steps(s.sliceFetched(2, conversations: 1)) == [.load("a", [2], watermark: nil, writer: 0)])
        #expect(Self.steps(s.batchCommitted(writer: 1)) == [])
        // All committed: the end of the run moves the watermark past day 2, which no batch wrote.
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: ["a": Self.after(day: 2)])])
    }

    @Test("lookback slices never move the watermark")
    func lookbackMovesNoWatermark() {
        var s = Self.scheduler(
            [Self.slice("a", day: 0, kind: .lookback)], concurrency: 1, batchConversations: 10, writers: 1)
        #expect(Self.steps(s.start()) == [.fetch(0)])
        #expect(Self.steps(s.sliceFetched(0, conversations: 3)) == [.load("a", [0], watermark: nil, writer: 0)])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [], lagging: [:])])
    }

    @Test("once the request budget is spent, slices in flight are loaded and the rest are deferred")
    func budgetDefersTheRest() {
        var s = Self.scheduler(
            (0..<5).map { Self.slice("a", day: $0) }, concurrency: 2, batchConversations: 100, writers: 1)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1)])
        s.budgetSpent()
        #expect(Self.steps(s.sliceFetched(0, conversations: 10)) == [])
        #expect(
            Self.steps(s.sliceFetched(1, conversations: 10)) == [
                .load("a", [0, 1], watermark: Self.after(day: 1), writer: 0)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [2, 3, 4], lagging: [:])])

        var spent = Self.scheduler(
            (0..<2).map { Self.slice("a", day: $0) }, concurrency: 2, batchConversations: 100, writers: 1)
        spent.budgetSpent()
        #expect(Self.steps(spent.start()) == [.finish(deferred: [0, 1], lagging: [:])])
    }

    @Test("a failed fetch fails the run with its error; nothing more starts, and nothing finishes")
    func fetchFailureFailsTheRun() {
        var s = Self.scheduler(
            (0..<4).map { Self.slice("a", day: $0) }, concurrency: 2, batchConversations: 10, writers: 1)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1)])
        #expect(
            Self.steps(s.sliceFetched(0, conversations: 10)) == [
                .load("a", [0], watermark: Self.after(day: 0), writer: 0)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.fetch(2)])
        #expect(Self.steps(s.fetchFailed(Failure(description: "slice 1 timed out"))) == [.fail("slice 1 timed out")])
        // What was in flight when the run failed starts nothing: no load, no fetch, no watermark update.
        #expect(Self.steps(s.sliceFetched(2, conversations: 10)) == [])
        #expect(Self.steps(s.fetchFailed(Failure(description: "a second failure"))) == [])
    }

    @Test("a failed batch fails the run with its error; the free writer takes nothing more")
    func commitFailureFailsTheRun() {
        var s = Self.scheduler(
            (0..<4).map { Self.slice("a", day: $0) }, concurrency: 1, batchConversations: 1, writers: 2)
        #expect(Self.steps(s.start()) == [.fetch(0)])
        #expect(
            Self.steps(s.sliceFetched(0, conversations: 1)) == [
                .load("a", [0], watermark: Self.after(day: 0), writer: 0), .fetch(1),
            ])
        #expect(
            Self.steps(s.sliceFetched(1, conversations: 1)) == [.load("a", [1], watermark: nil, writer: 1), .fetch(2)])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [])
        #expect(Self.steps(s.commitFailed(Failure(description: "deadlock detected"))) == [.fail("deadlock detected")])
        #expect(Self.steps(s.sliceFetched(2, conversations: 1)) == [])
        #expect(Self.steps(s.batchCommitted(writer: 1)) == [])
    }

    /// Days `first...last` of stream "a" as one wide slice cut on day boundaries.
    static func wide(days first: Int64, _ last: Int64) -> SliceSpec {
        SliceSpec(
            streamId: "a", window: TimeWindow(start: first * day, end: (last + 1) * day - 1), kind: .newData, grid: day)
    }

    @Test("a wide slice that proved too dense is replaced by its parts, fetched next; the watermark crosses the parts")
    func cutPartsTakeTheWideSlicesPlace() {
        var s = Self.scheduler(
            [Self.wide(days: 0, 9), Self.slice("a", day: 10)], concurrency: 2, batchConversations: 5, writers: 2)
        #expect(Self.steps(s.start()) == [.fetch(0), .fetch(1)])
        // The parts are positions 2 and 3; only one fetch is free (day 10 is still in flight).
        #expect(Self.steps(s.sliceCut(0, into: [Self.wide(days: 0, 4), Self.wide(days: 5, 9)])) == [.fetch(2)])
        #expect(s.slices[2] == Self.wide(days: 0, 4))
        #expect(
            Self.steps(s.sliceFetched(2, conversations: 5)) == [
                .load("a", [2], watermark: Self.after(day: 4), writer: 0), .fetch(3),
            ])
        // Day 10 cannot move the watermark past the parts before it.
        #expect(Self.steps(s.sliceFetched(1, conversations: 5)) == [.load("a", [1], watermark: nil, writer: 1)])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [])
        #expect(
            Self.steps(s.sliceFetched(3, conversations: 5)) == [
                .load("a", [3], watermark: Self.after(day: 9), writer: 0)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 1)) == [])
        #expect(
            Self.steps(s.batchCommitted(writer: 0)) == [
                .finish(deferred: [], lagging: ["a": Self.after(day: 10)])
            ])
    }

    @Test("parts of a cut slice that the request budget leaves unfetched are deferred, in fetch order")
    func cutPartsAreDeferredWhenTheBudgetRunsOut() {
        var s = Self.scheduler([Self.wide(days: 0, 9)], concurrency: 1, batchConversations: 1_000, writers: 1)
        #expect(Self.steps(s.start()) == [.fetch(0)])
        let parts = [Self.wide(days: 0, 3), Self.wide(days: 4, 6), Self.wide(days: 7, 9)]
        #expect(Self.steps(s.sliceCut(0, into: parts)) == [.fetch(1)])
        s.budgetSpent()
        #expect(
            Self.steps(s.sliceFetched(1, conversations: 3)) == [
                .load("a", [1], watermark: Self.after(day: 3), writer: 0)
            ])
        #expect(Self.steps(s.batchCommitted(writer: 0)) == [.finish(deferred: [2, 3], lagging: [:])])
        #expect([s.slices[2], s.slices[3]] == [parts[1], parts[2]])
    }
}

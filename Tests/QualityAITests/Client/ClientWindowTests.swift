import Testing

@testable import QualityAI

@Suite struct ClientWindowTests {
    func conversation(_ id: String, _ raw: String) -> Conversation {
        var conversation = Conversation(conversationId: id)
        conversation.raw = raw
        return conversation
    }

    @Test func partsCoverTheWindowExactlyWithoutOverlap() {
        let window = TimeWindow(start: 1_000, end: 1_000 + 86_399)
        for count in [2, 3, 7, 24, 1_000] {
            let parts = window.parts(count)
            #expect(parts.count == count)
            #expect(parts.first?.start == window.start)
            #expect(parts.last?.end == window.end)
            for (left, right) in zip(parts, parts.dropFirst()) { #expect(right.start == left.end + 1) }
            let lengths = parts.map(\.seconds)
            #expect(lengths.max()! - lengths.min()! <= 1)
        }
    }

    @Test func partsNeverCutASecond() {
        let window = TimeWindow(start: 10, end: 12)
        #expect(
            window.parts(10) == [TimeWindow(start: 10, end: 10), .init(start: 11, end: 11), .init(start: 12, end: 12)])
        #expect(window.parts(1).count == 2)
    }

    @Test func collectorKeepsFirstSeenOrderAndTheLastCopy() {
        var collector = WindowCollector(shared: ClientStatistics())
        let context = PageContext(streamId: "s", window: TimeWindow(start: 0, end: 9), page: 1)
        collector.add(
            DecodedPage(
                conversations: [conversation("a", "1"), conversation("b", "1")],
                rejections: [RejectedRecord(context: context, index: 2, reason: "no id", raw: "{}")], resultCount: 3))
        collector.add(
            DecodedPage(
                conversations: [conversation("c", "2"), conversation("a", "2")],
                resultCount: 2))
        let result = collector.result(streamId: "s", window: context.window, totalResults: 5)
        #expect(result.conversations.map(\.conversationId) == ["a", "b", "c"])
        #expect(result.conversations.map(\.raw) == ["2", "1", "2"])
        #expect(result.rejections.count == 1)
    }

    @Test func collectorRefusesAPageTwiceAndCountsIntoTheSharedTotals() {
        let shared = ClientStatistics()
        var collector = WindowCollector(shared: shared)
        let context = PageContext(streamId: "s", window: TimeWindow(start: 0, end: 9), page: 2)
        let first = collector.markRequested(context)
        let second = collector.markRequested(context)
        #expect(first)
        #expect(!second)
        collector.count(\.requests)
        collector.count(\.retries, by: 2)
        #expect(shared.snapshot().requests == 1)
        #expect(shared.snapshot().retries == 2)
        #expect(collector.statistics.retries == 2)
    }
}

import Testing

@testable import QualityAI

@Test func samplePageDecodesEnvelopeAndIds() throws {
    let body = Array(
        #"{"results":[{"conversationId":"c-1 "},{"x":1}],"totalResults":21,"hasMore":false,"totalPages":1}"#.utf8)
    let page = try PageDecoder.decode(
        body, context: PageContext(streamId: "s", window: TimeWindow(start: 0, end: 1), page: 1))
    #expect(page.conversations.map(\.conversationId) == ["c-1"])
    #expect(page.rejections.count == 1)
    #expect(page.totalResults == 21)
    #expect(page.hasMore == false)
    #expect(page.totalPages == 1)
}

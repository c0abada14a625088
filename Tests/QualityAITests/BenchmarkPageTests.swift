import Testing

@testable import QualityAI

/// The benchmark's generated pages are valid and decode without drift, so the benchmark measures
/// the normal path (not the error path).
@Suite struct BenchmarkPageTests {
    @Test func generatedPagesDecodeCleanly() throws {
        var generator = BenchmarkPageGenerator(seed: 7)
        for number in 0..<5 {
            let page = try PageDecoder.decode(generator.page(records: 100, number: number), context: testContext)
            #expect(page.conversations.count == 100)
            #expect(page.rejections.isEmpty)
            #expect(page.conversations.allSatisfy { $0.warnings.isEmpty })
            #expect(page.conversations.allSatisfy { !$0.metrics.isEmpty && !$0.agents.isEmpty })
            #expect(Set(page.conversations.map(\.conversationId)).count == 100)
        }
    }
}

import Testing

@testable import QualityAI

/// The same conversation in every spelling style decodes to the same model values.
@Suite struct SpellingTests {
    static let styles = [
        "camelCase": SpellingFixtures.camelCase, "Title Case": SpellingFixtures.titleCase,
        "seed sample": SpellingFixtures.seedSample, "snake_case": SpellingFixtures.snakeCase,
    ]

    @Test(arguments: ["camelCase", "Title Case", "seed sample", "snake_case"])
    func styleDecodesToTheExpectedModel(style: String) throws {
        let record = try #require(Self.styles[style])
        let conversation = try #require(try decodeRecord(record), "\(style) was rejected")
        #expect(modelOnly(conversation) == SpellingFixtures.expected, "\(style)")
        #expect(conversation.warnings == [], "\(style)")
    }

    @Test func allStylesInOnePageStayInOrder() throws {
        let records = [
            SpellingFixtures.camelCase, SpellingFixtures.titleCase, SpellingFixtures.seedSample,
            SpellingFixtures.snakeCase,
        ]
        let page = try decodePage(#"{"results":[\#(records.joined(separator: ","))],"totalResults":"4"}"#)
        #expect(page.conversations.count == 4)
        #expect(page.totalResults == 4)
        for conversation in page.conversations {
            #expect(modelOnly(conversation) == SpellingFixtures.expected)
        }
    }
}

@testable import QualityAI

/// The page context every test decodes with.
let testContext = PageContext(
    streamId: "stream-test", window: TimeWindow(start: 1_774_224_000, end: 1_774_310_399), page: 3)

/// Decodes a page given as text.
func decodePage(_ text: String) throws -> DecodedPage {
    try PageDecoder.decode(Array(text.utf8), context: testContext)
}

/// Decodes one record (given as JSON object text) and returns the conversation, or nil when it
/// was rejected.
func decodeRecord(_ record: String) throws -> Conversation? {
    try decodePage(#"{"results":[\#(record)]}"#).conversations.first
}

/// The conversation with `raw` and `warnings` cleared, for comparing model values only.
func modelOnly(_ conversation: Conversation?) -> Conversation? {
    guard var conversation else { return nil }
    conversation.raw = ""
    conversation.rawWasSanitised = false
    conversation.warnings = []
    return conversation
}

/// A decimal from a literal the test wrote by hand.
func dec(_ text: String) -> DecimalText { DecimalText(text)! }

/// A timestamp from hand-computed epoch seconds (computed with `date -u -d ... +%s`).
func ts(seconds: Int64, millis: Int64 = 0) -> Timestamp {
    Timestamp(microseconds: seconds * 1_000_000 + millis * 1000)
}

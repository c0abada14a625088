import Testing

@testable import QualityAI

/// Bodies whose envelope is unusable throw `PageDecodingError` naming the page.
@Suite struct EnvelopeTests {
    static let bodies: [String: (body: String, kind: PageDecodingError.Kind, reason: String)] = [
        "not JSON": (
            "Service Unavailable", .notJSON, "the body is not valid JSON (invalid JSON at byte 0: unexpected 'S')"
        ),
        "truncated": (
            #"{"results":[{"conversationId":"c-1"},{"conversationId":"c"#, .notJSON,
            "the body is not valid JSON (invalid JSON at byte 55: unterminated string)"
        ),
        "HTML": (
            "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", .html,
            "the body is an HTML page, not JSON (a proxy, login or error page?)"
        ),
        "rate limit text": (
            "You've exceeded the per-minute rate limit. Wait for sometime before retrying.", .rateLimitMessage,
            "the body is the vendor's rate-limit message, not data"
        ),
        "rate limit JSON": (
            #"{"errors":[{"msg":"Rate limit for this API has been reached. Please try again later"}]}"#,
            .rateLimitMessage, "the body is the vendor's rate-limit message, not data"
        ),
        "array": (#"[{"conversationId":"c-1"}]"#, .notAnObject, "the body is a JSON array, not an object"),
        "no results": (
            #"{"errors":[{"msg":"Invalid SDK credentials","code":4002}]}"#, .noResults,
            #"the body has no "results" array"#
        ),
        "results not a list": (
            #"{"results":{"conversationId":"c-1"}}"#, .noResults, #"the body has no "results" array"#
        ),
        "empty": ("", .notJSON, "the body is not valid JSON (invalid JSON at byte 0: empty input)"),
    ]

    @Test(arguments: [
        "not JSON", "truncated", "HTML", "rate limit text", "rate limit JSON", "array", "no results",
        "results not a list", "empty",
    ])
    func unusableEnvelopeThrows(name: String) throws {
        let (body, kind, reason) = try #require(Self.bodies[name])
        let error = try #require(throws: PageDecodingError.self) { try decodePage(body) }
        #expect(error.context == testContext)
        #expect(error.kind == kind)
        #expect(error.reason == reason)
        #expect(error.description.contains("stream stream-test"))
        #expect(error.description.contains("page 3"))
    }

    @Test func snippetIsShortPrintableAndRedactsTokens() throws {
        let body =
            "<html>\n<p>token eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImEifQ.sig was rejected</p>"
            + String(repeating: "x", count: 400)
        let error = try #require(throws: PageDecodingError.self) { try decodePage(body) }
        #expect(error.bodySnippet.hasPrefix("<html> <p>token [redacted] was rejected</p>xxx"))
        #expect(!error.description.contains("eyJ"))
        #expect(error.bodySnippet.hasSuffix("..."))
    }

    @Test func envelopeNumbersDriftToo() throws {
        let page = try decodePage(#"{"hasMore":"true","totalResults":"21","totalPages":1.5,"results":[]}"#)
        #expect(page.hasMore == true)
        #expect(page.totalResults == 21)
        #expect(page.totalPages == nil)
    }

    @Test(arguments: [
        ("You've exceeded the per-minute rate limit. Wait for sometime before retrying.", true),
        (#"{"errors":[{"msg":"Rate limit for this API has been reached. Please try again later"}]}"#, true),
        ("RATE LIMIT FOR THIS API HAS BEEN REACHED", true), (#"{"results":[]}"#, false), ("rate limit", false),
    ])
    func rateLimitMessageIsDetected(body: String, expected: Bool) {
        #expect(PageDecoder.isRateLimitMessage(Array(body.utf8)) == expected)
    }

    @Test(arguments: [
        ("<html></html>", true), ("\u{FEFF}  <!doctype html>", true), (" \n{\"results\":[]}", false), ("", false),
    ])
    func htmlIsDetected(body: String, expected: Bool) {
        #expect(PageDecoder.isHTML(Array(body.utf8)) == expected)
    }

    @Test(
        arguments: [
            (#"{"errors":[{"msg":"Invalid SDK credentials","code":4002}]}"#, "Invalid SDK credentials"),
            (#"{"errors":[{"message":"Bad request: offset"}]}"#, "Bad request: offset"),
            (#"{"msg":"  Method not allowed "}"#, "Method not allowed"),
            (#"{"message":"Forbidden","code":403}"#, "Forbidden"),
            (#"{"error":{"message":"Nested"}}"#, "Nested"),
            (#"{"error":"Unauthorized","message":"Token expired"}"#, "Token expired"),
            (#"{"results":[]}"#, nil), ("<html>nope</html>", nil), (#"{"errors":[]}"#, nil),
        ] as [(String, String?)])
    func vendorErrorMessage(body: String, expected: String?) {
        #expect(VendorErrorBody.message(Array(body.utf8)) == expected)
    }
}

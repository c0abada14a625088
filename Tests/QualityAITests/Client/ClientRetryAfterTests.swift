import Testing

@testable import QualityAI

/// 784111777 is Sun, 06 Nov 1994 08:49:37 GMT, the example date of RFC 9110 section 5.6.7.
@Suite struct ClientRetryAfterTests {
    let exampleEpoch: Int64 = 784_111_777

    @Test func delaySecondsAreTakenAsTheyAre() {
        #expect(RetryAfter.parse("120", now: 0) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: 0) == .zero)
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
    ])
    func allThreeHTTPDateFormsAreUnderstood(text: String) {
        #expect(RetryAfter.httpDate(text) == exampleEpoch)
        #expect(RetryAfter.parse(text, now: exampleEpoch - 45) == .seconds(45))
    }

    @Test func aDateInThePastMeansNoWait() {
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: exampleEpoch + 3_600) == .zero)
    }

    @Test func leapDayAndYearEndDatesAreExact() {
        // 2024-02-29 00:00:00 UTC = 1709164800; 2025-12-31 23:59:59 UTC = 1767225599.
        #expect(RetryAfter.httpDate("Thu, 29 Feb 2024 00:00:00 GMT") == 1_709_164_800)
        #expect(RetryAfter.httpDate("Wed, 31 Dec 2025 23:59:59 GMT") == 1_767_225_599)
    }

    @Test(arguments: [
        "", "soon", "-5", "1.5", "99999999999999999999999", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
        "Thu, 29 Feb 2023 00:00:00 GMT", "06 Nov 1994 08:49:37 GMT",
    ])
    func malformedValuesAreRejected(text: String) {
        #expect(RetryAfter.parse(text, now: exampleEpoch) == nil)
    }
}

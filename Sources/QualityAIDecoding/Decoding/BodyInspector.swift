/// Cheap checks on a response body that tell the client what kind of answer it got.
enum BodyInspector {
    static let rateLimitPhrases: [[UInt8]] = [
        Array("exceeded the per-minute rate limit".utf8), Array("rate limit for this api has been reached".utf8),
    ]

    /// True when the body carries one of the vendor's rate-limit messages (case-insensitive).
    static func isRateLimitMessage(_ body: [UInt8]) -> Bool {
        rateLimitPhrases.contains { containsIgnoringCase(body, $0) }
    }

    /// True when the body looks like HTML (`<!DOCTYPE`, `<html`, or any leading `<`).
    static func isHTML(_ body: [UInt8]) -> Bool {
        var index = 0
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < body.count,
            body[index] == 0x20 || body[index] == 0x0A || body[index] == 0x0D
                || body[index] == 0x09
        {
            index += 1
        }
        return index < body.count && body[index] == UInt8(ascii: "<")
    }

    /// Case-insensitive (ASCII) substring search; `needle` must be lowercase.
    static func containsIgnoringCase(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            if KeyTable.lower(haystack[start]) == first {
                var matched = 1
                while matched < needle.count, KeyTable.lower(haystack[start + matched]) == needle[matched] {
                    matched += 1
                }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}

extension PageDecoder {
    /// True when `body` carries the vendor's rate-limit message ("exceeded the per-minute rate
    /// limit" or "Rate limit for this API has been reached"), whatever the HTTP status was.
    public static func isRateLimitMessage(_ body: [UInt8]) -> Bool {
        BodyInspector.isRateLimitMessage(body)
    }

    /// True when `body` is an HTML page (a proxy, login or error page) rather than JSON.
    public static func isHTML(_ body: [UInt8]) -> Bool {
        BodyInspector.isHTML(body)
    }
}

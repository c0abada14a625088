/// A short, printable and secret-free excerpt of a response body for error messages.
enum BodySnippet {
    /// Longest excerpt, in bytes of the body.
    static let maximumBytes = 160

    static func make(_ body: [UInt8]) -> String {
        if body.isEmpty { return "(empty body)" }
        let prefix = body.prefix(maximumBytes)
        var text = String(decoding: prefix, as: UTF8.self)
        text = String(text.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? " " : $0 })
        text = redactingTokens(text)
        return body.count > maximumBytes ? text + "..." : text
    }

    /// Replaces anything shaped like a JWT (`eyJ...`) so a token echoed by a proxy never leaks.
    static func redactingTokens(_ text: String) -> String {
        guard text.contains("eyJ") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "eyJ") {
            result += rest[..<range.lowerBound]
            result += "[redacted]"
            rest = rest[range.lowerBound...].drop { $0.isLetter || $0.isNumber || "-_.=".contains($0) }
        }
        return result + rest
    }
}

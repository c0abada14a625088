extension APIError: CustomStringConvertible, CustomDebugStringConvertible {
    /// What failed, where, and what to do about it. Never contains a token or secret.
    public var description: String {
        let place = self.place
        let vendor = vendorMessage.map { ", vendor says: \($0)" } ?? ""
        let http = status.map { " (HTTP \($0)\(vendor))" } ?? (vendor.isEmpty ? "" : " (\(vendor.dropFirst(2)))")
        let tries = attempts.map { " after \($0) attempt\($0 == 1 ? "" : "s")" } ?? ""
        let extra = detail.map { ": \($0)" } ?? ""
        switch code {
        case .unauthorized, .forbidden:
            return "the API refused the credentials\(http)\(place): check the client id and secret, and that the JWT "
                + "carries the appId claim (app scope Quality Management Analytics)"
        case .badRequest:
            return "the API rejected the request\(http)\(place): fix what the vendor's message names "
                + "(date range, page size, contact direction or custom fields)"
        case .streamNotFound:
            return "stream id \(streamId ?? "?") is unknown\(http): check QAI_STREAM_ID (the bot/app id from App "
                + "Settings); if it is right, check QAI_API_BASE_URL and the path prefix"
        case .unexpectedStatus:
            return "the API answered with an unexpected status\(http)\(place): check QAI_API_BASE_URL and the path "
                + "prefix (HTTP 405 means the URL does not name the rawdata endpoint)"
        case .rateLimited:
            return "the API kept rate-limiting\(http)\(tries)\(place): lower QAI_REQUESTS_PER_MINUTE, or check "
                + "whether another client spends the same account's budget"
        case .server:
            return "the API failed\(http)\(tries)\(place): the vendor's service is unavailable; run again later"
        case .transport:
            return "could not reach the API\(tries)\(place)\(extra): check QAI_API_BASE_URL, DNS, proxy and network"
        case .tls:
            return "the TLS handshake with the API failed\(place)\(extra): its certificate is not trusted or names "
                + "another host; if a proxy or gateway inspects TLS, set QAI_CA_FILE (or --ca-file) to a PEM file "
                + "of its CA certificates, else check QAI_API_BASE_URL"
        case .timeout:
            return "the API did not answer in time\(tries)\(place)\(extra): run again later, or raise the request "
                + "timeout"
        case .invalidResponse:
            return "the API's answer is not a valid page\(http)\(tries)\(place)\(extra): run again later; if it "
                + "persists, report the body snippet to the vendor"
        case .responseTooLarge:
            return "the API's answer is too large\(place)\(extra): lower the page size"
        case .stuckPaging:
            return "paging does not advance\(place), even in a one-second window: the API repeats pages; report "
                + "this to the vendor"
        case .incompleteWindow:
            return "the records do not add up\(place)\(extra), even after splitting the window: run again later; "
                + "if it persists, report it to the vendor"
        case .configuration:
            return "invalid configuration: \(setting ?? "a setting") \(detail ?? "is malformed")"
        case .cancelled:
            return "the extract was cancelled\(place)"
        default:
            return "the API request failed (\(code))\(http)\(place)\(extra)"
        }
    }

    /// The description plus the body snippet, for logs at debug level and reports.
    public var debugDescription: String {
        description + (bodySnippet.map { " [body: \($0)]" } ?? "")
    }

    private var place: String {
        var parts: [String] = []
        if let streamId { parts.append("stream \(streamId)") }
        if let window { parts.append("window \(window)") }
        if let page { parts.append("page \(page)") }
        return parts.isEmpty ? "" : " for " + parts.joined(separator: ", ")
    }

    /// The start of a body as text, at most `limit` bytes of it, with every occurrence of a secret that
    /// starts within them replaced by `<redacted>`.
    static func snippet(_ body: [UInt8], limit: Int = 512, redacting secrets: [String]) -> String {
        let needles = secrets.filter { !$0.isEmpty }.map { Array($0.utf8) }
        var output: [UInt8] = []
        var index = 0
        scan: while index < min(limit, body.count) {
            for needle in needles where body.count - index >= needle.count {
                if body[index..<(index + needle.count)].elementsEqual(needle) {
                    output += Array("<redacted>".utf8)
                    index += needle.count
                    continue scan
                }
            }
            output.append(body[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self) + (index < body.count ? "..." : "")
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension APIConfiguration {
    /// Checks every setting and throws a `.configuration` error naming the first bad one and the
    /// form it must take.
    public func validate() throws(APIError) {
        try checkBaseURL()
        try check(
            pathPrefix.isEmpty
                || (pathPrefix.hasPrefix("/") && !pathPrefix.contains(where: { $0 == "?" || $0 == "#" })),
            "pathPrefix", "must be empty or a path starting with '/', e.g. \(Self.defaultPathPrefix)")
        try check(!streamIds.isEmpty, "streamIds (QAI_STREAM_ID)", "needs at least one stream (bot/app) id")
        for id in streamIds {
            try check(
                !id.allSatisfy(\.isWhitespace), "streamIds (QAI_STREAM_ID)",
                "must not contain an empty id (comma-separated bot/app ids from App Settings)")
        }
        try check(
            !isBlank(accountId), "accountId (QAI_ACCOUNT_ID)", "must be the account id, e.g. 67a9ca06cf0e510a8632xxxx")
        try check(!isBlank(orgId), "orgId (QAI_ORG_ID)", "must be the organisation id, e.g. o-da5be4e0-...")
        switch credentials {
        case .jwt(let token):
            try check(
                token.split(separator: ".", omittingEmptySubsequences: false).count == 3, "credentials (QAI_JWT)",
                "must be a JWT of three dot-separated parts, or give QAI_CLIENT_ID and QAI_CLIENT_SECRET instead")
        case .clientCredentials(let clientId, let clientSecret):
            try check(!isBlank(clientId), "credentials (QAI_CLIENT_ID)", "must be the app's Client ID")
            try check(!clientSecret.isEmpty, "credentials (QAI_CLIENT_SECRET)", "must be the app's Client Secret")
        }
        try check(
            requestsPerMinute >= 0, "requestsPerMinute (QAI_REQUESTS_PER_MINUTE)",
            "must be 0 (unlimited) or a positive number of requests per minute, got \(requestsPerMinute)")
        try check(
            (1...Self.maximumPageSize).contains(pageSize), "pageSize",
            "must be between 1 and \(Self.maximumPageSize), got \(pageSize)")
        if let direction = contactDirection {
            try check(
                direction == "inbound" || direction == "outbound", "contactDirection",
                "must be inbound or outbound, got \(direction)")
        }
        try check(requestTimeout > .zero, "requestTimeout", "must be a positive duration, got \(requestTimeout)")
        try check(maxAttempts >= 1, "maxAttempts", "must be at least 1, got \(maxAttempts)")
        try check(
            retryBaseDelay >= .zero && retryMaxDelay >= retryBaseDelay, "retryBaseDelay/retryMaxDelay",
            "must satisfy 0 <= base <= max, got \(retryBaseDelay) and \(retryMaxDelay)")
        try check(
            splitThreshold >= pageSize, "splitThreshold",
            "must be at least the page size (\(pageSize)), got \(splitThreshold)")
        try check(maxBodyBytes >= 1024, "maxBodyBytes", "must be at least 1024, got \(maxBodyBytes)")
    }

    private func checkBaseURL() throws(APIError) {
        let form = "must be an http(s) URL with a host and no query, e.g. https://platform.kore.ai"
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = url.host(), !host.isEmpty
        else { throw .configuration(setting: "baseURL (QAI_API_BASE_URL)", problem: "\(form), got \(baseURL)") }
        try check(url.query() == nil && url.fragment() == nil, "baseURL (QAI_API_BASE_URL)", "\(form), got \(baseURL)")
    }

    private func check(_ condition: Bool, _ setting: String, _ problem: String) throws(APIError) {
        if !condition { throw .configuration(setting: setting, problem: problem) }
    }

    private func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

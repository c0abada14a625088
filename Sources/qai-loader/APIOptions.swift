import ArgumentParser
import Foundation
import QualityAI

/// Options for reaching the vendor API; each falls back to its environment variable.
struct APIOptions: ParsableArguments {
    @Option(name: .customLong("api-base-url"), help: "API host, e.g. https://platform.kore.ai. Env: QAI_API_BASE_URL.")
    var baseURL: String?

    @Option(
        name: .customLong("stream"),
        help: "Stream (bot/app) id; repeat or comma-separate for several. Env: QAI_STREAM_ID.")
    var streams: [String] = []

    @Option(help: "Account id (accountId header). Env: QAI_ACCOUNT_ID.")
    var accountId: String?

    @Option(help: "Organisation id (orgId header). Env: QAI_ORG_ID.")
    var orgId: String?

    @Option(help: "Requests a minute for the whole account (0 = unlimited). Env: QAI_REQUESTS_PER_MINUTE. Default 60.")
    var requestsPerMinute: Int?

    @Option(help: "Include below-threshold contacts (true/false). Env: QAI_INCLUDE_BELOW_THRESHOLD. Default true.")
    var includeBelowThreshold: Bool?

    @Option(help: "API path prefix. Env: QAI_API_PATH_PREFIX. Default /qualityai/api/v1/public/qualitymanagement/app.")
    var apiPathPrefix: String?

    @Option(
        help: """
            HTTP proxy for API requests, http://[user:password@]host:port, or none. Env: QAI_PROXY; else \
            https_proxy / HTTPS_PROXY (http_proxy / HTTP_PROXY for an http:// API) unless NO_PROXY matches the API host.
            """)
    var proxy: String?

    @Option(
        help: "PEM file of CA certificates trusted besides the system's (a TLS-inspecting gateway). Env: QAI_CA_FILE.")
    var caFile: String?

    /// The client settings from flags, then environment (`QAI_*`, secrets also as `*_FILE`).
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> APIConfiguration
    {
        try configuration(settings: EnvironmentSettings(environment))
    }

    /// The client settings from flags, then `settings` (environment, then the config file).
    func configuration(settings: EnvironmentSettings) throws -> APIConfiguration {
        var resolver = SettingsResolver(settings)
        return try configuration(&resolver)
    }

    /// The client settings, resolved and checked.
    /// - Throws: `ValidationError` naming the setting, never a secret.
    func configuration(_ resolver: inout SettingsResolver) throws -> APIConfiguration {
        let streamList = resolver.list(.streams, flag: streams)
        let credentials: APICredentials
        if let jwt = try resolver.secret(.jwt) {
            credentials = .jwt(jwt)
        } else if let clientId = resolver.text(.clientId, flag: nil), let secret = try resolver.secret(.clientSecret) {
            credentials = .clientCredentials(clientId: clientId, clientSecret: secret)
        } else {
            throw ValidationError(
                "no API credentials: set QAI_JWT (or QAI_JWT_FILE), or QAI_CLIENT_ID with QAI_CLIENT_SECRET "
                    + "(or QAI_CLIENT_SECRET_FILE)")
        }
        let configuration = APIConfiguration(
            baseURL: resolver.text(.apiBaseURL, flag: baseURL) ?? "",
            pathPrefix: resolver.text(.apiPathPrefix, flag: apiPathPrefix) ?? "",
            streamIds: streamList, accountId: resolver.text(.accountId, flag: accountId) ?? "",
            orgId: resolver.text(.orgId, flag: orgId) ?? "", credentials: credentials,
            requestsPerMinute: try resolver.integer(.requestsPerMinute, flag: requestsPerMinute, in: 0...Int.max) ?? 0,
            includeBelowThreshold: try resolver.boolean(.includeBelowThreshold, flag: includeBelowThreshold) ?? true)
        do {
            try configuration.validate()
        } catch {
            throw ValidationError("\(error)")
        }
        return configuration
    }
}

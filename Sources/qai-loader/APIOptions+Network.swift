import ArgumentParser
import Foundation
import QualityAI

extension APIOptions {
    /// The HTTP client settings for requests to `baseURL` from `settings`; see ``httpClientFactory(_:baseURL:)``.
    func httpClientFactory(settings: EnvironmentSettings, baseURL: String) throws -> HTTPClientFactory {
        var resolver = SettingsResolver(settings)
        return try httpClientFactory(&resolver, baseURL: baseURL)
    }

    /// The HTTP client settings for requests to `baseURL`: the proxy (`--proxy`, then `QAI_PROXY`,
    /// then the standard variables of the process environment, see ``ProxyChoice``) and the extra
    /// CA file (`--ca-file`, then `QAI_CA_FILE`), read and checked now, before any work.
    /// - Throws: `ValidationError` naming the setting; never a proxy password.
    func httpClientFactory(_ resolver: inout SettingsResolver, baseURL: String) throws -> HTTPClientFactory {
        let explicit = try resolver.secret(.proxy, flag: proxy).map {
            (value: $0, setting: proxy == nil ? "QAI_PROXY" : "--proxy")
        }
        let caPath = resolver.text(.caFile, flag: caFile)
        do throws(APIError) {
            let choice = try ProxyChoice.resolve(
                explicit: explicit, environment: resolver.settings.environment, apiBaseURL: baseURL)
            var bundle: CABundle?
            if let caPath { bundle = try CABundle(path: caPath, setting: caFile == nil ? "QAI_CA_FILE" : "--ca-file") }
            return HTTPClientFactory(proxy: choice, caBundle: bundle)
        } catch {
            throw ValidationError("\(error.setting ?? "a network setting") \(error.detail ?? "is malformed")")
        }
    }

    /// The API settings and the HTTP client settings together, both checked.
    func resolve(_ resolver: inout SettingsResolver) throws -> (api: APIConfiguration, http: HTTPClientFactory) {
        let api = try configuration(&resolver)
        return (api, try httpClientFactory(&resolver, baseURL: api.baseURL))
    }
}

import ArgumentParser
import Foundation
import QualityAI

extension APIOptions {
    /// The HTTP client settings for requests to `baseURL`: the proxy (`--proxy`, then `QAI_PROXY`,
    /// then the standard variables of the process environment, see ``ProxyChoice``) and the extra
    /// CA file (`--ca-file`, then `QAI_CA_FILE`), read and checked now, before any work.
    /// - Throws: `ValidationError` naming the setting; never a proxy password.
    func httpClientFactory(settings: EnvironmentSettings, baseURL: String) throws -> HTTPClientFactory {
        var explicit: (value: String, setting: String)?
        if let proxy {
            explicit = (proxy, "--proxy")
        } else if let value = settings.value("QAI_PROXY") {
            explicit = (value, "QAI_PROXY")
        }
        do throws(APIError) {
            let choice = try ProxyChoice.resolve(
                explicit: explicit, environment: settings.environment, apiBaseURL: baseURL)
            let caPath = caFile ?? settings.value("QAI_CA_FILE")
            var bundle: CABundle?
            if let caPath { bundle = try CABundle(path: caPath, setting: caFile == nil ? "QAI_CA_FILE" : "--ca-file") }
            return HTTPClientFactory(proxy: choice, caBundle: bundle)
        } catch {
            throw ValidationError("\(error.setting ?? "a network setting") \(error.detail ?? "is malformed")")
        }
    }

    /// The API settings and the HTTP client settings together, both checked.
    func resolve(settings: EnvironmentSettings) throws -> (api: APIConfiguration, http: HTTPClientFactory) {
        let api = try configuration(settings: settings)
        return (api, try httpClientFactory(settings: settings, baseURL: api.baseURL))
    }
}

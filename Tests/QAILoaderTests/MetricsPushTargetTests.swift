import ArgumentParser
import Foundation
import Testing

@testable import qai_loader

@Suite("--metrics-push URL: parsing, credentials, precedence")
struct MetricsPushTargetTests {
    @Test("the group URL keeps a path prefix, drops a trailing slash and the credentials")
    func groupURL() throws {
        let target = try MetricsPushTarget(url: "https://u%3Ax:p%40ss@push.example:9091/gw/", setting: "--metrics-push")
        #expect(target.groupURL(command: .sync) == "https://push.example:9091/gw/metrics/job/qai-loader/command/sync")
        #expect(target.authorization == "Basic " + Data("u:x:p@ss".utf8).base64EncodedString())
        #expect(target.redacted == "https://push.example:9091/gw (basic auth)")
        let plain = try MetricsPushTarget(url: "http://pushgateway:9091", setting: "--metrics-push")
        #expect(
            plain.groupURL(command: .backfill) == "http://pushgateway:9091/metrics/job/qai-loader/command/backfill")
        #expect(plain.authorization == nil)
    }

    @Test("a malformed URL stops with the setting's name and the valid form, never the password")
    func malformed() {
        for url in ["pushgateway:9091", "ftp://u:Secret-Pw@host", "http://u:Secret-Pw@host/?x=1", "http://"] {
            let error = #expect(throws: ValidationError.self) {
                try MetricsPushTarget(url: url, setting: "QAI_METRICS_PUSH_URL")
            }
            #expect(error?.message.contains("QAI_METRICS_PUSH_URL") == true, "\(url)")
            #expect(error?.message.contains("http://[user:password@]host") == true, "\(url)")
            #expect(error?.message.contains("Secret-Pw") == false, "\(url)")
        }
    }

    @Test("--metrics-push wins over QAI_METRICS_PUSH_URL; the setting alone is used; neither: no push")
    func precedence() throws {
        let settings = EnvironmentSettings(["QAI_METRICS_PUSH_URL": "http://from-env:9091"])
        let flag = try MetricsOptions.parse(["--metrics-push", "http://from-flag:9091"])
        #expect(try flag.outputs(settings: settings, caBundle: nil).push?.target.baseURL == "http://from-flag:9091")
        let none = try MetricsOptions.parse([])
        #expect(try none.outputs(settings: settings, caBundle: nil).push?.target.baseURL == "http://from-env:9091")
        #expect(try none.outputs(settings: EnvironmentSettings([:]), caBundle: nil).push == nil)
    }
}

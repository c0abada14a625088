import ArgumentParser
import Foundation
import Warehouse

/// Where `--metrics-push URL` sends a run's metrics: a Prometheus Pushgateway at
/// `http[s]://[user:password@]host[:port][/prefix]`. The group of a command is
/// `{URL}/metrics/job/qai-loader/command/<command>`; the credentials become a basic
/// `Authorization` header and are kept out of ``redacted`` and every message.
struct MetricsPushTarget: Sendable {
    /// The Pushgateway's base URL without credentials or a trailing `/`.
    let baseURL: String
    /// `Basic <base64(user:password)>` when the URL carries a user, else nil.
    let authorization: String?

    /// The Pushgateway's `job` label for every push.
    static let job = "qai-loader"

    /// Parses `url`; `setting` names where it came from in the error.
    /// - Throws: `ValidationError` naming the setting and the valid form, never the password.
    init(url: String, setting: String) throws {
        let form = "give the Pushgateway as http://[user:password@]host[:port][/path], e.g. http://pushgateway:9091"
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty
        else {
            throw ValidationError("\(setting) is not an http:// or https:// URL with a host: \(form)")
        }
        guard components.query == nil, components.fragment == nil else {
            throw ValidationError("\(setting) must not have a query or fragment: \(form)")
        }
        var base = URLComponents()
        base.scheme = scheme
        base.percentEncodedHost = components.percentEncodedHost
        base.port = components.port
        base.percentEncodedPath = String(components.percentEncodedPath.trimmingSuffix("/"))
        guard let baseURL = base.string else {
            throw ValidationError("\(setting) is malformed: \(form)")
        }
        self.baseURL = baseURL
        if let user = components.percentEncodedUser {
            let name = user.removingPercentEncoding ?? user
            let password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 } ?? ""
            authorization = "Basic " + Data("\(name):\(password)".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
    }

    /// The URL the metrics of `command` are put to.
    func groupURL(command: RunCommand) -> String {
        "\(baseURL)/metrics/job/\(Self.job)/command/\(command)"
    }

    /// The URL for logs and messages: no credentials (the base URL never holds them); says
    /// whether basic authentication is used.
    var redacted: String {
        baseURL + (authorization == nil ? "" : " (basic auth)")
    }
}

extension StringProtocol {
    /// The text without trailing `character`s.
    fileprivate func trimmingSuffix(_ character: Character) -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == character { end = index(before: end) }
        return self[startIndex..<end]
    }
}

import Foundation
import Postgres

/// The Citus cluster that Citus tests run on: `QAI_TEST_CITUS_URL` names its coordinator's
/// database (the `citus` extension created there and on every worker, the workers added with
/// `citus_add_node`). Suites that need it are enabled only when it is set, so they are reported
/// as skipped otherwise.
public enum TestCitus {
    /// The coordinator's connection string, nil when the variable is unset or empty.
    public static let url: String? = ProcessInfo.processInfo.environment["QAI_TEST_CITUS_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The coordinator's settings (superuser), or an error when the variable is unset.
    public static func coordinator(applicationName: String) throws -> DatabaseConfiguration {
        guard let url else { throw TestCitusUnset() }
        return DatabaseConfiguration(connectionString: url, applicationName: applicationName)
    }
}

/// `QAI_TEST_CITUS_URL` is not set.
public struct TestCitusUnset: Error, CustomStringConvertible {
    public var description: String { "QAI_TEST_CITUS_URL is not set" }
}

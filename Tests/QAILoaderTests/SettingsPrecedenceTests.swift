import ArgumentParser
import Foundation
import NetworkTestSupport
import Testing

@testable import qai_loader

/// Every setting of the catalog, in every command that takes it: the flag beats the environment,
/// which beats the settings file, which beats the default. The expected values are this test's
/// own; the catalog only says which settings and commands there are.
@Suite("Settings precedence: flag > environment > settings file > default, in every command")
struct SettingsPrecedenceTests {
    /// What a setting resolves to when nothing sets it.
    enum Unset: Equatable {
        /// This effective value.
        case value(String)
        /// No value (the setting is optional).
        case absent
        /// The command refuses to run, naming the setting.
        case required
    }

    /// One setting's test values: A from `flag` (arguments), B from the environment, C from the file.
    struct Row {
        let flag: [String]
        let a: String
        let environment: String
        let b: String
        let file: String
        let c: String
        let unset: Unset

        /// A row whose raw values are also the effective values.
        init(flag: [String], _ a: String, _ b: String, _ c: String, unset: Unset) {
            self.init(flag: flag, a: a, environment: b, b: b, file: c, c: c, unset: unset)
        }

        init(
            flag: [String], a: String, environment: String, b: String, file: String, c: String, unset: Unset
        ) {
            self.flag = flag
            self.a = a
            self.environment = environment
            self.b = b
            self.file = file
            self.c = c
            self.unset = unset
        }

        /// A value flag, `--name A`.
        init(_ flag: String, _ a: String, _ b: String, _ c: String, unset: Unset) {
            self.init(flag: [flag, a], a, b, c, unset: unset)
        }
    }

    /// Where the CA bundles of the `QAI_CA_FILE` row live (copies of the test CA).
    static let directory = NSTemporaryDirectory() + "qai-precedence-\(UUID().uuidString)"

    /// The test's values, by setting name.
    static let rows: [String: Row] = [
        "DATABASE_URL": Row(
            "--database-url", "postgresql://a@a.example/a", "postgresql://b@b.example/b", "postgresql://c@c.example/c",
            unset: .absent),
        "QAI_SCHEMA": Row("--schema", "flag_a", "env_b", "file_c", unset: .value("qai")),
        "QAI_LOG_LEVEL": Row("--log-level", "debug", "warning", "error", unset: .value("info")),
        "QAI_LOG_FORMAT": Row("--log-format", "json", "text", "json", unset: .value("text")),
        "QAI_API_BASE_URL": Row(
            "--api-base-url", "https://a.example", "https://b.example", "https://c.example",
            unset: .value("https://platform.kore.ai")),
        "QAI_API_PATH_PREFIX": Row(
            "--api-path-prefix", "/a", "/b", "/c", unset: .value("/qualityai/api/v1/public/qualitymanagement/app")),
        "QAI_STREAM_ID": Row(
            flag: ["--stream", "st-a1", "--stream", "st-a2"], a: "st-a1,st-a2", environment: "st-b1, st-b2",
            b: "st-b1,st-b2", file: "st-c", c: "st-c", unset: .required),
        "QAI_ACCOUNT_ID": Row("--account-id", "acct-a", "acct-b", "acct-c", unset: .required),
        "QAI_ORG_ID": Row("--org-id", "org-a", "org-b", "org-c", unset: .required),
        "QAI_JWT": Row(flag: [], "", "hdr.b.sig", "hdr.c.sig", unset: .absent),
        "QAI_CLIENT_ID": Row(flag: [], "", "client-b", "client-c", unset: .required),
        "QAI_CLIENT_SECRET": Row(flag: [], "", "secret-b", "secret-c", unset: .required),
        "QAI_REQUESTS_PER_MINUTE": Row("--requests-per-minute", "7", "0", "90", unset: .value("60")),
        "QAI_INCLUDE_BELOW_THRESHOLD": Row(
            flag: ["--include-below-threshold", "false"], a: "false", environment: "yes", b: "true", file: "off",
            c: "false", unset: .value("true")),
        "QAI_PROXY": Row(
            "--proxy", "http://a.example:3128", "http://b.example:3128", "http://c.example:3128", unset: .absent),
        "QAI_CA_FILE": Row(
            "--ca-file", "\(directory)/a.pem", "\(directory)/b.pem", "\(directory)/c.pem", unset: .absent),
        "QAI_SLICE_HOURS": Row("--slice-hours", "6", "12", "3", unset: .value("24")),
        "QAI_CONCURRENCY": Row("--concurrency", "2", "3", "5", unset: .value("4")),
        "QAI_WRITERS": Row("--writers", "1", "3", "16", unset: .value("2")),
        "QAI_LOCK_TIMEOUT_SECONDS": Row("--lock-timeout-seconds", "2.5", "0.25", "60", unset: .value("5")),
        "QAI_STRICT_TYPES": Row(
            flag: ["--strict-types"], a: "true", environment: "false", b: "false", file: "1", c: "true",
            unset: .value("false")),
        "QAI_METRICS_FILE": Row("--metrics-file", "/var/a.prom", "/var/b.prom", "/var/c.prom", unset: .absent),
        "QAI_METRICS_PUSH_URL": Row(
            "--metrics-push", "http://a.example:9091", "http://b.example:9091", "http://c.example:9091", unset: .absent),
        "QAI_SINCE": Row("--since", "2026-01-01", "2026-02-02 03:04:05", "2026-03-03", unset: .absent),
        "QAI_LOOKBACK_DAYS": Row("--lookback-days", "3", "0", "30", unset: .value("14")),
        "QAI_MAX_REQUESTS": Row("--max-requests", "100", "200", "300", unset: .absent),
        "QAI_SETTLE_MINUTES": Row("--settle-minutes", "0", "5", "30", unset: .value("10")),
        "QAI_FILL_GAPS": Row(
            flag: ["--fill-gaps"], a: "true", environment: "off", b: "false", file: "yes", c: "true",
            unset: .value("false")),
        "QAI_RESWEEP": Row("--resweep", "uniform", "adaptive", "uniform", unset: .value("adaptive")),
        "QAI_RESWEEP_MAX_INTERVAL_DAYS": Row("--resweep-max-interval-days", "7", "8", "9.5", unset: .value("5")),
        "QAI_RESWEEP_MIN_INTERVAL_DAYS": Row("--resweep-min-interval-days", "1", "2", "4", unset: .value("3")),
        "QAI_RESWEEP_THRESHOLD": Row("--resweep-threshold", "0.1", "0.2", "0.5", unset: .value("0.05")),
        "QAI_SWEPT_WITHIN_DAYS": Row("--swept-within-days", "1", "3", "4", unset: .value("2")),
        "QAI_READER_PASSWORD": Row(flag: [], "", "reader-b", "reader-c", unset: .absent),
        "QAI_MOCK_CLIENT_SECRET": Row(
            "--client-secret", "mock-a", "mock-b", "mock-c", unset: .value("qai-mock-client-secret")),
    ]

    /// What the API commands need besides the setting under test (client credentials, not a JWT).
    static let base = [
        "QAI_STREAM_ID": "st-base", "QAI_ACCOUNT_ID": "acct-base", "QAI_ORG_ID": "org-base",
        "QAI_CLIENT_ID": "client-base", "QAI_CLIENT_SECRET": "secret-base",
    ]

    /// Arguments a command cannot run without.
    static func required(_ command: Setting.Command) -> [String] {
        switch command {
        case .backfill, .verify: ["--from", "2026-01-01", "--to", "2026-01-02"]
        case .streamRewind: ["--stream", "st-x", "--to", "2026-01-01"]
        case .streamForget: ["--stream", "st-x"]
        default: []
        }
    }

    /// The sources one case sets.
    enum Case: String, CaseIterable {
        case flagEnvironmentFile = "flag + environment + file"
        case environmentFile = "environment + file"
        case file = "file only"
        case nothing
    }

    /// The settings file's two forms.
    enum FileFormat: String, CaseIterable {
        case keyValue = "env"
        case json

        func write(_ values: [String: String]) throws -> String {
            let path = NSTemporaryDirectory() + "qai-precedence-\(UUID().uuidString).\(rawValue)"
            let text: String
            switch self {
            case .keyValue:
                text = values.map { "\($0.key)=\($0.value)\n" }.joined()
            case .json:
                text = String(decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
            }
            try Data(text.utf8).write(to: URL(filePath: path))
            return path
        }
    }

    /// The command's effective settings from `arguments` and `environment`, as `run()` resolves them.
    static func effective(
        _ command: Setting.Command, _ arguments: [String], _ environment: [String: String]
    ) async throws -> [String: String] {
        switch command {
        case .migrate: try await effective(MigrateCommand.self, arguments, environment)
        case .sync: try await effective(SyncCommand.self, arguments, environment)
        case .backfill: try await effective(BackfillCommand.self, arguments, environment)
        case .status: try await effective(StatusCommand.self, arguments, environment)
        case .check: try await effective(CheckCommand.self, arguments, environment)
        case .verify: try await effective(VerifyCommand.self, arguments, environment)
        case .demo: try await effective(DemoCommand.self, arguments, environment)
        case .mockAPI: try await effective(MockAPICommand.self, arguments, environment)
        case .streamList: try await effective(StreamListCommand.self, arguments, environment)
        case .streamRewind: try await effective(StreamRewindCommand.self, arguments, environment)
        case .streamForget: try await effective(StreamForgetCommand.self, arguments, environment)
        }
    }

    private static func effective<C: SettingsCommand>(
        _ type: C.Type, _ arguments: [String], _ environment: [String: String]
    ) async throws -> [String: String] {
        let command = try C.parse(arguments)
        return try command.effectiveSettings(settings: try await command.options.settings(environment: environment))
    }

    /// Three copies of the test CA for the `QAI_CA_FILE` row.
    static func makeCAFiles() throws {
        let pem = try Data(contentsOf: URL(filePath: try TestCertificates.shared().caCertificate))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["a", "b", "c"] { try pem.write(to: URL(filePath: "\(directory)/\(name).pem")) }
    }

    @Test("every setting, in every command that takes it", arguments: FileFormat.allCases)
    func precedence(format: FileFormat) async throws {
        try Self.makeCAFiles()
        for setting in Setting.all {
            let row = try #require(Self.rows[setting.name], "no test values for \(setting.name)")
            for command in Setting.Command.allCases where setting.commands.contains(command) {
                for testCase in Case.allCases {
                    let context = "\(setting.name) in \(command.rawValue), \(testCase.rawValue), \(format) file"
                    var arguments = Self.required(command)
                    var environment =
                        [Setting.Command.sync, .backfill, .check, .verify].contains(command) ? Self.base : [:]
                    environment[setting.name] = nil
                    var file: [String: String] = [:]
                    let expected: Unset
                    switch testCase {
                    case .flagEnvironmentFile:
                        guard !row.flag.isEmpty else { continue }
                        arguments += row.flag
                        environment[setting.name] = row.environment
                        file[setting.name] = row.file
                        expected = .value(row.a)
                    case .environmentFile:
                        environment[setting.name] = row.environment
                        file[setting.name] = row.file
                        expected = .value(row.b)
                    case .file:
                        file[setting.name] = row.file
                        expected = .value(row.c)
                    case .nothing:
                        expected = row.unset
                    }
                    arguments += ["--config", try format.write(file)]
                    switch expected {
                    case .value(let value):
                        let effective = try await Self.effective(command, arguments, environment)
                        #expect(effective[setting.name] == value, "\(context)")
                        let taken = Set(Setting.all.filter { $0.commands.contains(command) }.map(\.name))
                        #expect(
                            Set(effective.keys).isSubset(of: taken), "\(context): resolves a setting it does not take")
                    case .absent:
                        let effective = try await Self.effective(command, arguments, environment)
                        #expect(effective[setting.name] == nil, "\(context)")
                    case .required:
                        do {
                            let effective = try await Self.effective(command, arguments, environment)
                            Issue.record("\(context): resolved to \(effective[setting.name] ?? "nil") without a value")
                        } catch let error as ValidationError {
                            #expect(error.message.contains(setting.name), "\(context): \(error.message)")
                        }
                    }
                }
            }
        }
    }

    @Test("the test's value table and the catalog list the same settings, each name and flag once")
    func tableMatchesCatalog() {
        let names = Setting.all.map(\.name)
        #expect(Set(names) == Set(Self.rows.keys))
        #expect(Set(names).count == names.count)
        let flags = Setting.all.compactMap(\.flag)
        #expect(Set(flags).count == flags.count)
        for setting in Setting.all {
            #expect(!setting.commands.isEmpty, "\(setting.name) is taken by no command")
            let row = Self.rows[setting.name]
            #expect(
                row?.flag.first == setting.flag || (row?.flag.isEmpty == true && setting.flag == nil), "\(setting.name)"
            )
        }
    }

    @Test("README's settings table lists every setting's flag and variable")
    func readmeListsEverySetting() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appending(path: "README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "### Settings\n"))
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let table = section[..<end].split(separator: "\n").filter { $0.hasPrefix("|") }.joined(separator: "\n")
        for setting in Setting.all {
            #expect(table.contains("`\(setting.name)`"), "README's settings table lacks \(setting.name)")
            if let flag = setting.flag {
                #expect(table.contains("`\(flag)`"), "README's settings table lacks \(flag)")
            }
        }
        #expect(table.contains("`QAI_CONFIG`") && table.contains("`--config`"))
    }

    @Test(
        "an invalid value names the flag and the variable, whichever source gave it",
        arguments: [
            (
                Setting.Command.sync, "QAI_WRITERS", "40",
                "--writers / QAI_WRITERS must be a whole number between 1 and 16, not '40'"
            ),
            (
                .backfill, "QAI_SLICE_HOURS", "0",
                "--slice-hours / QAI_SLICE_HOURS must be a whole number of 1 or more, not '0'"
            ),
            (
                .status, "QAI_LOOKBACK_DAYS", "-1",
                "--lookback-days / QAI_LOOKBACK_DAYS must be a whole number of 0 or more, not '-1'"
            ),
            (.sync, "QAI_FILL_GAPS", "maybe", "--fill-gaps / QAI_FILL_GAPS must be true or false, not 'maybe'"),
            (.sync, "QAI_SINCE", "yesterday", "--since / QAI_SINCE must be YYYY-MM-DD"),
            (
                .sync, "QAI_LOCK_TIMEOUT_SECONDS", "0",
                "--lock-timeout-seconds / QAI_LOCK_TIMEOUT_SECONDS must be a number between 0.001 and 3600, not '0'"
            ),
            (
                .sync, "QAI_RESWEEP_MIN_INTERVAL_DAYS", "6",
                "--resweep-min-interval-days / QAI_RESWEEP_MIN_INTERVAL_DAYS must not be more than "
                    + "--resweep-max-interval-days / QAI_RESWEEP_MAX_INTERVAL_DAYS (5), not '6'"
            ),
            (.sync, "QAI_RESWEEP", "sometimes", "--resweep / QAI_RESWEEP must be uniform or adaptive, not 'sometimes'"),
            (
                .migrate, "QAI_LOG_LEVEL", "loud",
                "--log-level / QAI_LOG_LEVEL must be trace, debug, info, notice, warning, error or critical, not 'loud'"
            ),
            (.demo, "QAI_SCHEMA", String(repeating: "x", count: 64), "--schema / QAI_SCHEMA: "),
            (
                .verify, "QAI_CONCURRENCY", "none",
                "--concurrency / QAI_CONCURRENCY must be a whole number of 1 or more, not 'none'"
            ),
            (.mockAPI, "QAI_LOG_FORMAT", "xml", "--log-format / QAI_LOG_FORMAT must be text or json, not 'xml'"),
        ])
    func invalidValue(command: Setting.Command, name: String, value: String, message: String) async throws {
        let base = [Setting.Command.sync, .backfill, .check, .verify].contains(command) ? Self.base : [:]
        for fromFile in [false, true] {
            var environment = base
            var file: [String: String] = [:]
            if fromFile { file[name] = value } else { environment[name] = value }
            let arguments = Self.required(command) + ["--config", try FileFormat.keyValue.write(file)]
            let error = await #expect(throws: ValidationError.self) {
                _ = try await Self.effective(command, arguments, environment)
            }
            #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error?.message))")
        }
    }

    @Test("a flag's value is checked like the variable's, and --no-fill-gaps beats QAI_FILL_GAPS")
    func flagsAreCheckedAndInvert() async throws {
        let error = await #expect(throws: ValidationError.self) {
            _ = try await Self.effective(.sync, ["--writers", "40"], Self.base)
        }
        #expect(error?.message == "--writers / QAI_WRITERS must be a whole number between 1 and 16, not '40'")
        var environment = Self.base
        environment["QAI_FILL_GAPS"] = "true"
        #expect(try await Self.effective(.sync, ["--no-fill-gaps"], environment)["QAI_FILL_GAPS"] == "false")
        #expect(try await Self.effective(.sync, [], environment)["QAI_FILL_GAPS"] == "true")
    }

    @Test("the settings file is --config, else QAI_CONFIG; QAI_CONFIG inside a file is not followed")
    func configFile() async throws {
        let a = try FileFormat.keyValue.write(["QAI_SCHEMA": "from_a"])
        let b = try FileFormat.keyValue.write(["QAI_SCHEMA": "from_b", "QAI_CONFIG": a])
        #expect(try await Self.effective(.status, ["--config", a], ["QAI_CONFIG": b])["QAI_SCHEMA"] == "from_a")
        #expect(try await Self.effective(.status, [], ["QAI_CONFIG": b])["QAI_SCHEMA"] == "from_b")
        #expect(try await Self.effective(.status, [], [:])["QAI_SCHEMA"] == "qai")
    }

    @Test(
        "a secret also comes from the file NAME_FILE names, in every command that takes it; the environment's wins over the settings file's"
    )
    func secretFiles() async throws {
        let directory = NSTemporaryDirectory() + "qai-precedence-secret-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for setting in Setting.all where setting.isSecret {
            let row = try #require(Self.rows[setting.name])
            let (environmentPath, filePath) = ("\(directory)/\(setting.name).b", "\(directory)/\(setting.name).c")
            try Data((row.b + "\n").utf8).write(to: URL(filePath: environmentPath))
            try Data((row.c + "\n").utf8).write(to: URL(filePath: filePath))
            for command in Setting.Command.allCases where setting.commands.contains(command) {
                let context = "\(setting.name)_FILE in \(command.rawValue)"
                var environment =
                    [Setting.Command.sync, .backfill, .check, .verify].contains(command) ? Self.base : [:]
                environment[setting.name] = nil
                let inFile = try FileFormat.keyValue.write([setting.name + "_FILE": filePath])
                let fileOnly = try await Self.effective(
                    command, Self.required(command) + ["--config", inFile], environment)
                #expect(fileOnly[setting.name] == row.c, "\(context), settings file")
                environment[setting.name + "_FILE"] = environmentPath
                let both = try FileFormat.keyValue.write([setting.name: row.c])
                let effective = try await Self.effective(
                    command, Self.required(command) + ["--config", both], environment)
                #expect(effective[setting.name] == row.b, "\(context), environment over the settings file's value")
            }
        }
    }
}

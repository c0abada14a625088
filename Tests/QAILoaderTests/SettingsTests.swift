import ArgumentParser
import Foundation
import Testing

@testable import qai_loader

@Suite("Settings: flags, then environment, then the config file")
struct SettingsTests {
    static let secret = "Secret-\(UUID().uuidString.prefix(8))"

    /// A minimal, valid environment for the API settings.
    static let base = [
        "QAI_STREAM_ID": "st-env", "QAI_ACCOUNT_ID": "acct-env", "QAI_ORG_ID": "org-env",
        "QAI_CLIENT_ID": "client-env", "QAI_CLIENT_SECRET": secret,
    ]

    static func file(_ name: String, _ contents: String) throws -> String {
        let path = NSTemporaryDirectory() + "qai-settings-\(UUID().uuidString)-\(name)"
        try Data(contents.utf8).write(to: URL(filePath: path))
        return path
    }

    static func parse<T: ParsableArguments>(_ type: T.Type, _ arguments: [String]) throws -> T {
        try T.parse(arguments)
    }

    @Test("a flag beats the environment, which beats the config file")
    func precedence() async throws {
        let config = try Self.file(
            "qai.env",
            "QAI_STREAM_ID=st-file\nQAI_ACCOUNT_ID=acct-file\nQAI_REQUESTS_PER_MINUTE=7\nQAI_SCHEMA=from_file\n")
        var environment = Self.base
        environment["QAI_ACCOUNT_ID"] = "acct-env"
        let global = try Self.parse(GlobalOptions.self, ["--config", config])
        let settings = try await global.settings(environment: environment)
        let fromEnvironment = try Self.parse(APIOptions.self, []).configuration(settings: settings)
        #expect(fromEnvironment.streamIds == ["st-env"])
        #expect(fromEnvironment.accountId == "acct-env")
        #expect(fromEnvironment.requestsPerMinute == 7)
        #expect(try global.schemaIdentifier(settings: settings).name == "from_file")
        let fromFlags = try Self.parse(APIOptions.self, ["--stream", "st-a,st-b", "--requests-per-minute", "3"])
            .configuration(settings: settings)
        #expect(fromFlags.streamIds == ["st-a", "st-b"])
        #expect(fromFlags.requestsPerMinute == 3)
        #expect(
            try Self.parse(GlobalOptions.self, ["--schema", "flag_schema"]).schemaIdentifier(settings: settings)
                .name == "flag_schema")
    }

    @Test("a JSON config file with the environment's names works like the env file")
    func jsonConfig() async throws {
        let config = try Self.file(
            "qai.json",
            #"{"QAI_STREAM_ID": "st-json", "QAI_ACCOUNT_ID": "a", "QAI_ORG_ID": "o", "QAI_JWT": "hdr.payload.sig"}"#)
        let settings = try await Self.parse(GlobalOptions.self, ["--config", config]).settings(environment: [:])
        let api = try Self.parse(APIOptions.self, []).configuration(settings: settings)
        #expect(api.streamIds == ["st-json"])
        #expect(api.credentials == .jwt("hdr.payload.sig"))
    }

    @Test("a secret can come from NAME_FILE; an unreadable file names the variable")
    func secretFromFile() throws {
        let path = try Self.file("secret", Self.secret + "\n")
        var environment = Self.base
        environment["QAI_CLIENT_SECRET"] = nil
        environment["QAI_CLIENT_SECRET_FILE"] = path
        let api = try Self.parse(APIOptions.self, []).configuration(environment: environment)
        #expect(api.credentials == .clientCredentials(clientId: "client-env", clientSecret: Self.secret))
        environment["QAI_CLIENT_SECRET_FILE"] = "/nonexistent/qai-secret"
        let error = #expect(throws: ValidationError.self) {
            _ = try Self.parse(APIOptions.self, []).configuration(environment: environment)
        }
        #expect(error?.message.contains("QAI_CLIENT_SECRET_FILE") == true)
    }

    @Test(
        "each invalid setting is refused with its name and the valid form, never echoing a secret",
        arguments: [
            ("QAI_REQUESTS_PER_MINUTE", "-5", "QAI_REQUESTS_PER_MINUTE must be a whole number"),
            ("QAI_INCLUDE_BELOW_THRESHOLD", "maybe", "QAI_INCLUDE_BELOW_THRESHOLD must be true or false"),
            ("QAI_API_BASE_URL", "not a url", "URL"),
            ("QAI_STREAM_ID", " ", "stream"),
        ])
    func invalidSettings(name: String, value: String, expected: String) throws {
        var environment = Self.base
        environment[name] = value
        let error = #expect(throws: ValidationError.self) {
            _ = try Self.parse(APIOptions.self, []).configuration(environment: environment)
        }
        let message = try #require(error).message
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains(Self.secret))
    }

    @Test("missing credentials say which variables to set")
    func missingCredentials() throws {
        var environment = Self.base
        environment["QAI_CLIENT_SECRET"] = nil
        let error = #expect(throws: ValidationError.self) {
            _ = try Self.parse(APIOptions.self, []).configuration(environment: environment)
        }
        #expect(error?.message.contains("QAI_CLIENT_SECRET") == true)
    }

    @Test("a bad schema name or database URL is refused before any work")
    func badDatabaseSettings() {
        #expect(throws: (any Error).self) { try Self.parse(GlobalOptions.self, ["--schema", ""]) }
        #expect(throws: (any Error).self) {
            try Self.parse(GlobalOptions.self, ["--database-url", "postgresql://host:notaport:/x?bogus"])
        }
    }
}

import ArgumentParser
import Configuration
import Foundation
import SystemPackage

/// Settings that are not flags: the environment first, then the `--config` file (a flat JSON
/// object or a `KEY=value` env file with the same names as the environment), read through
/// swift-configuration with secrets marked as such. Secrets can also come from the file named
/// by `NAME_FILE`. ``SettingsResolver`` puts the flags first and checks the values.
struct EnvironmentSettings: Sendable {
    /// Names whose values are secret (never logged by the configuration library): the catalog's
    /// secrets and libpq's `PGPASSWORD`.
    static let secretNames = Setting.all.filter(\.isSecret).map(\.name) + ["PGPASSWORD"]

    /// The sources, first wins: the environment, then the settings file (when there is one).
    private let layers: [ConfigReader]
    /// The process environment as given, for the standard variables read only from there and
    /// in either case (`https_proxy`, `NO_PROXY`, ...).
    let environment: [String: String]

    /// Settings from `environment` only.
    init(_ environment: [String: String]) {
        self.init(layers: [ConfigReader(provider: Self.environmentProvider(environment))], environment: environment)
    }

    /// Settings from `environment`, then the file at `configPath` (JSON when it ends in `.json`,
    /// else `KEY=value` lines).
    static func load(configPath: String?, environment: [String: String]) async throws -> EnvironmentSettings {
        guard let configPath else { return EnvironmentSettings(environment) }
        guard FileManager.default.isReadableFile(atPath: configPath) else {
            throw ValidationError("--config: cannot read \(configPath); give a readable JSON or KEY=value file")
        }
        let file: any ConfigProvider
        do {
            if configPath.hasSuffix(".json") {
                file = try await FileProvider<JSONSnapshot>(filePath: FilePath(configPath))
            } else {
                file = try await EnvironmentVariablesProvider(
                    environmentFilePath: FilePath(configPath), secretsSpecifier: .specific(Set(secretNames)))
            }
        } catch {
            throw ValidationError(
                "--config: \(configPath) is not a valid \(configPath.hasSuffix(".json") ? "flat JSON object" : "KEY=value file"): \(error)"
            )
        }
        return EnvironmentSettings(
            layers: [ConfigReader(provider: environmentProvider(environment)), ConfigReader(provider: file)],
            environment: environment)
    }

    private init(layers: [ConfigReader], environment: [String: String]) {
        self.layers = layers
        self.environment = environment
    }

    private static func environmentProvider(_ environment: [String: String]) -> EnvironmentVariablesProvider {
        EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(Set(secretNames)))
    }

    /// The setting's value, nil when unset or empty.
    func value(_ name: String) -> String? {
        let isSecret = Self.secretNames.contains(name)
        return layers.lazy.compactMap { Self.text(name, isSecret: isSecret, in: $0) }.first
    }

    private static func text(_ name: String, isSecret: Bool, in reader: ConfigReader) -> String? {
        guard
            let value = reader.string(forKey: ConfigKey([name]), isSecret: isSecret)?
                .trimmingCharacters(in: .whitespaces), !value.isEmpty
        else { return nil }
        return value
    }

    /// A secret from `name`, or from the file `name_FILE` points at (trailing newline removed); the
    /// environment's `name` or `name_FILE` wins over the settings file's.
    func secret(_ name: String) throws -> String? {
        for layer in layers {
            if let direct = Self.text(name, isSecret: true, in: layer) { return direct }
            guard let path = Self.text(name + "_FILE", isSecret: false, in: layer) else { continue }
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("\(name)_FILE: cannot read \(path); give a readable file holding the secret")
            }
            let secret = contents.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw ValidationError("\(name)_FILE: \(path) is empty") }
            return secret
        }
        return nil
    }
}

import ArgumentParser

/// A command that resolves all its settings in one place, before any work, into its effective
/// values (flag > environment > settings file > default); `run()` works from what it returns.
protocol SettingsCommand: ParsableArguments {
    /// The options every command shares (the settings file among them).
    var options: GlobalOptions { get }

    /// The effective value of every setting the command takes, by name.
    /// - Throws: `ValidationError` naming the first invalid or missing setting.
    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String]
}

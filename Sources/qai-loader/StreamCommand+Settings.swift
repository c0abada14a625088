extension StreamListCommand: SettingsCommand {
    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try StreamCommand.resolve(options, settings: settings).effective
    }
}

extension StreamRewindCommand: SettingsCommand {
    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try StreamCommand.resolve(options, settings: settings).effective
    }
}

extension StreamForgetCommand: SettingsCommand {
    func effectiveSettings(settings: EnvironmentSettings) throws -> [String: String] {
        try StreamCommand.resolve(options, settings: settings).effective
    }
}

/// One setting of `qai-loader`: its flag wins, else the environment variable, else the same name
/// in the settings file (`--config`), else the default. A setting has one name and one meaning in
/// every command that takes it; ``Setting/all`` lists them all.
struct Setting: Sendable, Hashable {
    /// A command that takes settings.
    enum Command: String, CaseIterable, Sendable {
        case migrate, sync, backfill, status, check, verify, demo
        case mockAPI = "mock-api"
        case streamList = "stream list"
        case streamRewind = "stream rewind"
        case streamForget = "stream forget"
    }

    /// The environment variable, also the settings file's key (`QAI_WRITERS`).
    let name: String
    /// The flag (`--writers`); nil for a setting the command line never carries (credentials).
    let flag: String?
    /// The default, written as the environment would give it; nil when there is none.
    let defaultValue: String?
    /// The commands that take the setting.
    let commands: Set<Command>
    /// Whether the value is secret: never logged, and also read from the file `NAME_FILE` names.
    let isSecret: Bool

    init(
        _ name: String, flag: String?, default defaultValue: String?, commands: [Command], isSecret: Bool = false
    ) {
        self.name = name
        self.flag = flag
        self.defaultValue = defaultValue
        self.commands = Set(commands)
        self.isSecret = isSecret
    }

    /// How messages name the setting: `--writers / QAI_WRITERS`.
    var label: String { flag.map { "\($0) / \(name)" } ?? name }
}

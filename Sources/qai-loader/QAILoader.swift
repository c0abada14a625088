import ArgumentParser
import CMallocTuning

/// The `qai-loader` command: keeps a PostgreSQL star schema current with Kore.ai Quality AI data.
@main
struct QAILoader: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qai-loader",
        abstract: "Keeps a PostgreSQL star schema current with Kore.ai Quality AI raw data.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [
            MigrateCommand.self, SyncCommand.self, BackfillCommand.self, StatusCommand.self, CheckCommand.self,
            VerifyCommand.self, StreamCommand.self, DemoCommand.self, MockAPICommand.self,
        ]
    )

    /// Caps malloc arenas before any thread starts, then parses the command line and runs.
    static func main() async {
        _ = qai_limit_malloc_arenas()
        await main(nil)
    }
}

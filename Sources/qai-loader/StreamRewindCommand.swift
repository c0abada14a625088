import ArgumentParser
import Warehouse

/// `qai-loader stream rewind --stream ID --to T [--dry-run]`: the next sync reloads from T on.
struct StreamRewindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewind",
        abstract: "Make the next sync reload a stream from a time on (its loaded conversations stay).",
        discussion: """
            In one transaction: done slices that start at or after --to are deleted, a done slice that spans \
            --to is shortened to end one second before it, the watermark is set to --to when it is later \
            (never moved forward; created at --to when the stream has none) and the lookback cursor is \
            cleared. The next sync then continues new data at --to. Loaded conversations are not deleted: the \
            reload updates them. Refused (exit code 75, nothing changed) while a sync or backfill holds the \
            stream. Recorded in etl_run as 'stream rewind'. --to takes a date (its first second) or \
            "YYYY-MM-DD HH:MM:SS", UTC, like backfill --from.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The stream (bot/app) id, as stream list shows it.")
    var stream: String

    @Option(help: "Reload from this time on (inclusive).")
    var to: TimeArgument

    @Flag(help: "Show what would change, change nothing.")
    var dryRun = false

    func run() async throws {
        let change = try await StreamCommand.withWarehouse(options) { connection, schema in
            try await StreamRewind(schema: schema).run(stream: stream, to: to.seconds, dryRun: dryRun, on: connection)
        }
        print(StreamChangeText.text(change))
    }
}

import ArgumentParser
import Warehouse

/// `qai-loader stream forget --stream ID --yes [--dry-run]`: delete a stream's state.
struct StreamForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete a stream's watermark and slices (state only: its loaded conversations stay).",
        discussion: """
            In one transaction: the stream's etl_watermark row and all its etl_slice rows are deleted. Its \
            conversations (with their metrics and audits) and its quarantined records in etl_rejected stay in \
            the warehouse; delete them with SQL if they must go. A later sync of the stream starts it as if it had never been \
            loaded. Needs --yes (without it, or with --dry-run, it shows what would be deleted and changes \
            nothing; without --yes it exits 64). Refused (exit code 75, nothing changed) while a sync or \
            backfill holds the stream. Recorded in etl_run as 'stream forget'.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The stream (bot/app) id, as stream list shows it.")
    var stream: String

    @Flag(help: "Really delete the stream's state.")
    var yes = false

    @Flag(help: "Show what would be deleted, delete nothing.")
    var dryRun = false

    func run() async throws {
        let dryRun = dryRun || !yes
        let change = try await StreamCommand.withWarehouse(options) { connection, schema in
            try await StreamForget(schema: schema).run(stream: stream, dryRun: dryRun, on: connection)
        }
        guard yes || self.dryRun else {
            throw ValidationError(
                "stream forget needs --yes: " + StreamChangeText.forgetSummary(change, verb: "would delete")
                    + " Nothing was deleted.")
        }
        print(StreamChangeText.text(change))
    }
}

import ArgumentParser
import Logging
import Postgres
import Warehouse

/// `qai-loader stream list | rewind | forget`: see and change what the warehouse keeps about each
/// stream (its watermark, lookback cursor and slices), instead of editing `etl_watermark` by hand.
struct StreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "List the streams the warehouse knows, rewind one to reload it from a time, or forget one.",
        discussion: """
            rewind and forget change only the loader's state (etl_watermark, etl_slice), never the loaded \
            conversations. Each runs in one transaction that first tries the stream's lock, the one sync and \
            backfill hold while they load it: while a run holds the stream the change is refused with exit \
            code 75 and nothing is changed. Each change is recorded in etl_run (command 'stream rewind' or \
            'stream forget'), so status shows it. An unknown stream is exit code 64.
            """,
        subcommands: [StreamListCommand.self, StreamRewindCommand.self, StreamForgetCommand.self])

    /// Everything a `stream` subcommand takes, resolved (flag > environment > settings file > default).
    struct Settings: Sendable {
        let log: LogSettings
        let database: DatabaseConfiguration
        let schema: Identifier
        /// The effective value of each setting, by name.
        let effective: [String: String]
    }

    /// The settings of a `stream` subcommand, from its shared options and `settings`.
    /// - Throws: `ValidationError` naming the first invalid setting.
    static func resolve(_ options: GlobalOptions, settings: EnvironmentSettings) throws -> Settings {
        var resolver = SettingsResolver(settings)
        let log = try options.logSettings(&resolver)
        let database = try options.databaseConfiguration(&resolver)
        let schema = try options.schemaIdentifier(&resolver)
        return Settings(log: log, database: database, schema: schema, effective: resolver.effective)
    }

    /// Connects, checks the schema is current, and runs `body`; errors become the documented exit codes.
    static func withWarehouse<T>(
        _ options: GlobalOptions, _ body: (Connection, Identifier) async throws -> T
    ) async throws -> T {
        let resolved = try resolve(options, settings: try await options.settings())
        let logger = resolved.log.makeLogger()
        return try await CommandRunner.catching {
            try await Connection.withConnection(resolved.database, logger: logger) { connection in
                try await Migrator(schema: resolved.schema).verifyCurrent(connection)
                return try await body(connection, resolved.schema)
            }
        }
    }
}

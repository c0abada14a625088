import ArgumentParser
import AsyncHTTPClient
import EmbeddedPostgres
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import Warehouse

/// `qai-loader demo`: everything on embedded defaults, for a first look.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "A first look: throwaway PostgreSQL + built-in fake API, a month loaded, late audits synced.",
        discussion: """
            Without --database-url / DATABASE_URL (environment or --config file) it starts a throwaway \
            PostgreSQL (initdb + pg_ctl in a temporary directory, as the postgres user when run as root). It \
            starts the built-in fake API on a free loopback port on a simulated clock, migrates, backfills a month \
            up to now, then moves the fake API's clock a night at a time and runs the nightly sync after each (new \
            conversations and late audits arrive), and prints a summary with example queries. Everything is \
            stopped and removed at the end (also on Ctrl-C) unless --keep is given.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Conversations the fake API serves.")
    var conversations = 5_000

    @Option(help: "Days of data.")
    var days = 30

    @Flag(help: "Keep the database and the fake API running until Ctrl-C, and print how to connect.")
    var keep = false

    func validate() throws {
        guard conversations > 0, days > 0 else { throw ValidationError("--conversations and --days must be positive") }
    }

    func run() async throws {
        let resolved = try resolve(settings: try await options.settings())
        var logger = resolved.log.makeLogger()
        // The demo prints its own summary: info lines would bury it.
        if resolved.log.level == .info { logger.logLevel = .warning }
        var cluster: ThrowawayCluster?
        let database: DatabaseConfiguration
        if let explicit = resolved.database {
            database = explicit
        } else {
            print("Starting a throwaway PostgreSQL ...")
            let started = try DemoCleanup.startCluster()
            cluster = started
            database = DatabaseConfiguration(connectionString: started.connectionString())
        }
        let signalSources = DemoCleanup.stopOnInterrupt(cluster)
        defer { withExtendedLifetime(signalSources) {} }
        defer { if !keep { cluster?.stop() } }
        // The fake API runs on a simulated clock that starts at the current hour; its data reaches
        // `DemoScenario.nights` days further, so the nightly syncs find new conversations and audits.
        let now = MockAPIConfiguration.currentHour()
        let nights = DemoScenario.nights
        let mock = try await MockAPIServer(
            configuration: MockAPIConfiguration(
                port: 0, streams: ["st-demo"], conversationsPerStream: conversations + conversations * nights / days,
                days: days + nights, end: now + Int64(nights) * 86_400, clock: now),
            logger: logger
        ).start()
        print("Fake API listening on \(mock.baseURL)")
        let summary = try await DemoScenario(
            database: database, schema: resolved.schema, mock: mock, logger: logger
        ).run()
        print(summary)
        if keep {
            print(
                """

                Still running (Ctrl-C stops and removes both):
                  database: psql "\(database.connectionString)"
                  fake API: \(mock.baseURL) on a simulated clock (e.g. curl -X POST \(mock.baseURL)/mock/clock/advance \
                -d '{"seconds": 86400}', then qai-loader sync --now <the time GET \(mock.baseURL)/mock/clock shows>)
                """)
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        await mock.stop()
    }
}

/// Starting and stopping the demo's throwaway cluster, including on Ctrl-C.
enum DemoCleanup {
    static func startCluster() throws -> ThrowawayCluster {
        do {
            return try ThrowawayCluster.start()
        } catch {
            CommandRunner.printError("\(error)")
            throw ExitStatus.unavailable
        }
    }

    /// On SIGINT or SIGTERM: stop the cluster, remove its directory and exit 130.
    /// Keep the returned sources alive for as long as the handler should stay installed.
    static func stopOnInterrupt(_ cluster: ThrowawayCluster?) -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cluster?.stop()
                FileHandle.standardError.write(Data("\nStopped; the demo database was removed.\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
        return sources
    }
}

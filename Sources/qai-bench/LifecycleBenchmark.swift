import ArgumentParser
import AsyncHTTPClient
import EmbeddedPostgres
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import Warehouse

/// `qai-bench lifecycle`: months of nightly syncs on the mock's simulated clock, per re-sweep
/// policy: a backfill of the first weeks, then one `sync` a night through `NightlySync` (the code
/// `qai-loader sync` runs) with the clock injected; after each night the warehouse is compared
/// with the mock's truth at that moment. Prints figures; passes or fails nothing.
struct LifecycleBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Nightly syncs over simulated months: requests, holes, stale audits per re-sweep policy.")

    @Option(help: "Nights of sync after the backfill.")
    var nights = 60

    @Option(help: "Conversations a day.")
    var perDay = 1_000

    @Option(help: "Days the first backfill loads.")
    var backfillDays = 21

    @Option(help: "Lookback window of the syncs, days.")
    var lookbackDays = 14

    @Option(help: "Policies to compare, comma-separated.")
    var policies = "uniform,adaptive"

    @Flag(help: "Print one line per night.")
    var perNight = false

    /// 2026-01-01 00:00:00 UTC: the first simulated day.
    static let origin: Int64 = 1_767_225_600
    static let day: Int64 = 86_400
    static let stream = "st-lifecycle"

    func run() async throws {
        var logger = Logger(label: "qai-bench.lifecycle")
        logger.logLevel = .warning
        let modes = try policies.split(separator: ",").map { name in
            guard let mode = ResweepPolicy.Mode(rawValue: String(name)) else {
                throw ValidationError("--policies: \(name) is neither uniform nor adaptive")
            }
            return mode
        }
        let days = backfillDays + nights + 2
        // The backfill runs at 02:00 after its last day; the first sync a day later.
        let firstNight = Self.origin + Int64(backfillDays + 1) * Self.day + 7_200
        let configuration = MockAPIConfiguration(
            port: 0, streams: [Self.stream], conversationsPerStream: perDay * days, days: days,
            end: Self.origin + Int64(days) * Self.day, seed: 12, clock: firstNight, prewarm: false)
        let server = try await MockAPIServer(configuration: configuration, logger: logger).start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        print(
            "qai-bench lifecycle: \(perDay) conversations a day, backfill of \(backfillDays) days, \(nights) nights, lookback \(lookbackDays) days"
        )
        print("  mock audit lag: \(configuration.auditLag)")
        var results: [LifecycleResult] = []
        do {
            for mode in modes {
                let run = LifecycleRun(
                    mode: mode, server: server, http: http, nights: nights, backfillDays: backfillDays,
                    lookbackDays: lookbackDays, firstNight: firstNight, logger: logger)
                let result = try await run.run(perNight: perNight)
                results.append(result)
                print(result.summaryLine)
            }
            await server.stop()
            try await http.shutdown()
        } catch {
            await server.stop()
            try? await http.shutdown()
            throw error
        }
        print("")
        print(LifecycleResult.table(results))
        if let uniform = results.first(where: { $0.mode == .uniform }),
            let adaptive = results.first(where: { $0.mode == .adaptive }), uniform.resweepPerNight > 0
        {
            print(
                String(
                    format: "adaptive re-sweep requests per night / uniform's: %.3f (target at most 0.333)",
                    adaptive.resweepPerNight / uniform.resweepPerNight))
        }
    }
}

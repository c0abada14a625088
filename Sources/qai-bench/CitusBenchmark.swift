import ArgumentParser
import Foundation
import Postgres
import Warehouse

/// `qai-bench citus`: first-load conversations/s into a distributed warehouse on a Citus cluster
/// next to plain PostgreSQL (the throwaway cluster) on the same machine, with 1 and 2 writers,
/// measured in the same run.
struct CitusBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citus",
        abstract: "First load into Citus (coordinator + workers) against plain PostgreSQL, 1 and 2 writers.",
        discussion: """
            The Citus side drops the schema qai in the coordinator's database that --citus-url (or \
            QAI_BENCH_CITUS_URL) names, migrates and distributes it, then backfills the mock's range; the plain \
            side does the same in a fresh database on the throwaway cluster. Each load is the first into an \
            empty schema; the order alternates (plain, Citus, Citus, plain) to spread the machine's drift.
            """)

    @Option(help: "The Citus coordinator's database (its workers added). Env: QAI_BENCH_CITUS_URL.")
    var citusURL: String?

    @Option(help: "Conversations in the range.")
    var conversations = 10_000

    @Option(help: "Days of data (one slice a day).")
    var days = 10

    func run() async throws {
        guard
            let url = citusURL
                ?? ProcessInfo.processInfo.environment["QAI_BENCH_CITUS_URL"].flatMap({
                    $0.isEmpty ? nil : $0
                })
        else {
            throw ValidationError("give the Citus coordinator's database with --citus-url or QAI_BENCH_CITUS_URL")
        }
        let citus = DatabaseConfiguration(connectionString: url, applicationName: "qai-bench")
        print("citus: \(conversations) conversations over \(days) days, first load into an empty schema each time")
        var rates: [String: [Double]] = [:]
        for writers in [1, 2] {
            for target in writers == 1 ? ["plain", "citus"] : ["citus", "plain"] {
                let rate = try await firstLoad(writers: writers, citus: target == "citus" ? citus : nil)
                rates["\(target) \(writers)", default: []].append(rate)
                print(
                    "  \(target), \(writers) writer\(writers == 1 ? "" : "s"): \(Figures.format(rate)) conversations/s")
            }
        }
        for writers in [1, 2] {
            let plain = rates["plain \(writers)"]?.first ?? 0
            let distributed = rates["citus \(writers)"]?.first ?? 0
            print(
                "  \(writers) writer\(writers == 1 ? "" : "s"): citus / plain \(Figures.format(distributed / plain))x")
        }
        for target in ["plain", "citus"] {
            let one = rates["\(target) 1"]?.first ?? 0
            let two = rates["\(target) 2"]?.first ?? 0
            print("  \(target): 2 writers / 1 writer \(Figures.format(two / one))x")
        }
    }

    private func firstLoad(writers: Int, citus: DatabaseConfiguration?) async throws -> Double {
        let fixture = try await SyncFixture.start(
            conversations: conversations, days: days, concurrency: 4, writers: writers, inProcessMock: false,
            citus: citus)
        do {
            let first = try await fixture.load()
            let stored = try await fixture.count("fact_conversation")
            await fixture.shutdown()
            guard stored == first.summary.totals.fetched, stored > 0 else {
                throw ValidationError("the load stored \(stored) of \(first.summary.totals.fetched) conversations")
            }
            return Double(stored) / first.seconds
        } catch {
            await fixture.shutdown()
            throw error
        }
    }
}

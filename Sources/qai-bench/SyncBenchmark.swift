import ArgumentParser
import Foundation
import Warehouse

/// `qai-bench sync`: the end-to-end backfill benchmark (issue 5): first load, its floor, a rerun
/// of the unchanged range, and peak RSS for a short against a long range at the same density.
struct SyncBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "End-to-end backfill through SyncPipeline against the mock API and a throwaway PostgreSQL.",
        discussion: """
            Prints conversations/s of a first load, the floor (fetching the same pages and discarding them, \
            plus psql \\copy of the rows the load wrote into unlogged tables), a rerun with nothing changed, \
            and the loader's peak RSS for --days against --memory-days at the same conversations per day \
            (each in a fresh process). The mock API runs in its own process unless --in-process-mock.
            """)

    @Option(help: "Conversations in the range.")
    var conversations = 20_000

    @Option(help: "Days of data (one slice a day).")
    var days = 30

    @Option(help: "Slices fetched at the same time (backfill's default).")
    var concurrency = 4

    @Option(help: "Database connections loading batches at the same time (backfill's default).")
    var writers = 2

    @Option(help: "Conversations per batch transaction (the loader's default).")
    var batchConversations = SyncRequest.defaultBatchConversations

    @Option(help: "Days of the long range for the memory comparison (0 = skip it).")
    var memoryDays = 365

    @Flag(help: "Run the mock API in this process (its memory and CPU then count as the loader's).")
    var inProcessMock = false

    @Option(help: "Copy the server log, with every statement's duration, to this file (for profiling).")
    var statementLog: String?

    func validate() throws {
        guard conversations > 0, days > 0, concurrency > 0, writers > 0, batchConversations > 0, memoryDays >= 0 else {
            throw ValidationError(
                "--conversations, --days, --concurrency, --writers and --batch-conversations must be positive")
        }
    }

    func run() async throws {
        let fixture = try await SyncFixture.start(
            conversations: conversations, days: days, concurrency: concurrency, writers: writers,
            batchConversations: batchConversations, inProcessMock: inProcessMock)
        do {
            if statementLog != nil { try await fixture.logStatements() }
            try await measure(fixture)
            if let statementLog { try await fixture.copyServerLog(to: statementLog) }
            await fixture.shutdown()
        } catch {
            await fixture.shutdown()
            throw error
        }
        guard memoryDays > 0 else { return }
        let longConversations = Int((Double(conversations) * Double(memoryDays) / Double(days)).rounded())
        let short = try MemoryProbe.run(
            conversations: conversations, days: days, concurrency: concurrency, writers: writers)
        let long = try MemoryProbe.run(
            conversations: longConversations, days: memoryDays, concurrency: concurrency, writers: writers)
        print("memory (first load in a fresh process each; the loader's peak RSS, mock in its own process):")
        print("  \(days) days, \(conversations) conversations: \(short.line)")
        print("  \(memoryDays) days, \(longConversations) conversations: \(long.line)")
        print(
            "  ratio \(memoryDays) / \(days) days: \(Figures.format(long.peakRSSMiB / short.peakRSSMiB))x "
                + "(target: within 1.20x)")
    }

    private func measure(_ fixture: SyncFixture) async throws {
        let mockPlace = inProcessMock ? "in this process (its memory counts)" : "in its own process"
        print(
            "sync: \(conversations) conversations over \(days) days (\(fixture.slices.count) slices of 24 h, "
                + "concurrency \(concurrency), \(writers) writers, batches of \(fixture.request.batchConversations)); mock API \(mockPlace)"
        )
        let first = try await fixture.load()
        let firstRSS = Figures.peakRSSMiB()
        let firstRate = Double(first.summary.totals.fetched) / first.seconds
        let stored = try await fixture.count("fact_conversation")
        print("first load: \(describe(first.summary, seconds: first.seconds)); fact_conversation rows \(stored)")
        print("  \(first.cpu.text); peak RSS after it: \(Figures.format(firstRSS)) MiB (target: at least 7500/s)")
        let rerun = try await fixture.load()
        let rerunRate = Double(rerun.summary.totals.fetched) / rerun.seconds
        let beforeFetch = fixture.cpu.read()
        let fetch = try await FetchFloor.run(fixture)
        let fetchCPU = fixture.cpu.read() - beforeFetch
        let copy = try await CopyFloor.run(fixture)
        let floor = fetch.seconds + copy.seconds
        print(
            "floor: fetch \(Figures.format(fetch.seconds)) s (\(fetch.conversations) conversations, "
                + "\(fetch.requests) requests, \(Figures.format(Double(fetch.conversations) / fetch.seconds))/s) "
                + "+ COPY \(Figures.format(copy.seconds)) s (\(copy.rows) rows of \(CopyFloor.tables.count) tables, "
                + "\(Figures.format(Double(copy.bytes) / 1e6)) MB; fact_conversation alone "
                + "\(Figures.format(copy.conversationSeconds)) s, \(Figures.format(Double(copy.conversationBytes) / 1e6)) MB)"
                + " = \(Figures.format(floor)) s, \(Figures.format(Double(conversations) / floor)) conversations/s")
        print("  fetch \(fetchCPU.text); COPY cpu: postgres \(Figures.format(copy.postgresCPU)) s")
        print("  ratio end to end / floor: \(Figures.format(first.seconds / floor))x (target: at most 3x)")
        print("rerun (nothing changed): \(describe(rerun.summary, seconds: rerun.seconds))")
        print("  \(rerun.cpu.text)")
        print(
            "  first load / rerun time: \(Figures.format(first.seconds / rerun.seconds))x "
                + "(rates \(Figures.format(firstRate))/s and \(Figures.format(rerunRate))/s; target: at least 3x)")
    }

    private func describe(_ summary: RunSummary, seconds: Double) -> String {
        let totals = summary.totals
        let load = totals.load
        return "\(totals.fetched) conversations in \(Figures.format(seconds)) s = "
            + "\(Figures.format(Double(totals.fetched) / seconds)) conversations/s "
            + "(inserted \(load.inserted), updated \(load.updated), unchanged \(load.unchanged), "
            + "rejected \(totals.rejected), \(totals.requests.requests) requests)"
    }
}

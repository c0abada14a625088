import ArgumentParser
import Foundation

/// Peak RSS of one first load in a fresh process (`qai-bench sync-memory`), so a short and a
/// long range are compared without one's allocations showing in the other's figure.
enum MemoryProbe {
    struct Outcome {
        var peakRSSMiB: Double
        var line: String
    }

    static func run(conversations: Int, days: Int, concurrency: Int, writers: Int) throws -> Outcome {
        let process = Process()
        process.executableURL = try SelfExecutable.url()
        process.arguments = [
            "sync-memory", "--conversations", String(conversations), "--days", String(days), "--concurrency",
            String(concurrency), "--writers", String(writers),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix(MemoryCommand.prefix) }),
            let value = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else {
            throw ValidationErrorText("sync-memory (\(days) days) failed with status \(process.terminationStatus)")
        }
        let rest = line.split(separator: " ").dropFirst(2).joined(separator: " ")
        return Outcome(peakRSSMiB: value, line: "peak RSS \(Figures.format(value)) MiB (\(rest))")
    }
}

/// `qai-bench sync-memory` (hidden): one first load, then `peak-rss-mib <MiB> <details>`.
struct MemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-memory", abstract: "One first load; prints the loader's peak RSS (used by `sync`).",
        shouldDisplay: false)
    static let prefix = "peak-rss-mib "

    @Option var conversations = 20_000
    @Option var days = 30
    @Option var concurrency = 4
    @Option var writers = 2

    func run() async throws {
        let fixture = try await SyncFixture.start(
            conversations: conversations, days: days, concurrency: concurrency, writers: writers,
            inProcessMock: false)
        do {
            let load = try await fixture.load()
            let rss = Figures.peakRSSMiB()
            let fetched = load.summary.totals.fetched
            print(
                Self.prefix + "\(rss) \(fetched) conversations loaded in \(Figures.format(load.seconds)) s, "
                    + "\(Figures.format(Double(fetched) / load.seconds))/s")
            await fixture.shutdown()
        } catch {
            await fixture.shutdown()
            throw error
        }
    }
}

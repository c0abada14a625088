import ArgumentParser
import QualityAI

/// Decode throughput of the page decoder over generated pages.
struct DecodeBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Page decoding throughput (MB/s, records/s) over generated pages.")

    @Option(help: "Megabytes of pages to decode.")
    var megabytes = 50

    func run() async throws {
        let result = DecodeBenchmark.run(megabytes: megabytes)
        print("decode: \(megabytes) MB of pages")
        print(
            "  throughput: \(Figures.format(result.mbPerSecond)) MB/s, \(Figures.format(result.recordsPerSecond)) records/s"
        )
    }
}

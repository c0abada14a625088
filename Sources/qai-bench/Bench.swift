import ArgumentParser

/// `qai-bench`: benchmarks that print figures (never pass/fail tests).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qai-bench",
        abstract: "Benchmarks for qai-loader; run with: swift run -c release qai-bench <benchmark>",
        subcommands: [
            CopyBenchmark.self, DecodeBenchmarkCommand.self, SyncBenchmark.self, ServeMockCommand.self,
            MemoryCommand.self, DashboardBenchmark.self,
        ]
    )
}

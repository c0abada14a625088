import ArgumentParser
import CMallocTuning
import Foundation

/// `qai-bench`: benchmarks that print figures (never pass/fail tests).
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qai-bench",
        abstract: "Benchmarks for qai-loader; run with: swift run -c release qai-bench <benchmark>",
        subcommands: [
            CopyBenchmark.self, DecodeBenchmarkCommand.self, SyncBenchmark.self, ServeMockCommand.self,
            MemoryCommand.self, DashboardBenchmark.self, LifecycleBenchmark.self, CitusBenchmark.self,
            RequestBenchmark.self,
        ]
    )

    /// Caps malloc arenas as `qai-loader` does, so the loads measured here allocate like it, and
    /// has the throwaway PostgreSQL keep its default durability (fsync on), as users run it.
    static func main() async {
        _ = qai_limit_malloc_arenas()
        setenv("QAI_EMBEDDED_PG_DURABLE", "1", 1)
        await main(nil)
    }
}

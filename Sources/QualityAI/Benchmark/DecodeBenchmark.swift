/// The decode throughput benchmark `qai-bench` runs: generated pages through `PageDecoder`.
public enum DecodeBenchmark {
    /// Generates about `megabytes` MB (10^6 bytes) of varied 100-record pages, then decodes them
    /// all three times and reports the best pass. Generation is not timed.
    public static func run(megabytes: Int) -> (mbPerSecond: Double, recordsPerSecond: Double) {
        let pages = samplePages(megabytes: megabytes)
        let total = pages.reduce(0) { $0 + $1.count }
        let context = PageContext(streamId: "benchmark", window: TimeWindow(start: 0, end: 86_399), page: 1)
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var records = 0
        for _ in 0..<3 {
            records = 0
            let elapsed = clock.measure {
                for page in pages {
                    records += (try? PageDecoder.decode(page, context: context))?.conversations.count ?? 0
                }
            }
            best = min(best, elapsed)
        }
        let seconds = best.inSeconds
        return (Double(total) / 1e6 / seconds, Double(records) / seconds)
    }

    /// About `megabytes` MB of generated 100-record pages (deterministic), mixing the vendor's
    /// spelling styles, for benchmarks and load tests.
    public static func samplePages(megabytes: Int) -> [[UInt8]] {
        var generator = BenchmarkPageGenerator(seed: 42)
        var pages: [[UInt8]] = []
        var total = 0
        while total < megabytes * 1_000_000 {
            let page = generator.page(records: 100, number: pages.count)
            total += page.count
            pages.append(page)
        }
        return pages
    }
}

import ArgumentParser

/// How `sync` and `backfill` cut and load their range: slice length, fetches at once, writers.
struct LoadOptions: ParsableArguments {
    @Option(help: "Hours per slice. Env: QAI_SLICE_HOURS. Default 24.")
    var sliceHours: Int?

    @Option(help: "Slices fetched at the same time. Env: QAI_CONCURRENCY. Default 4.")
    var concurrency: Int?

    @Option(
        help:
            "Database connections loading batches at the same time (1 to 16; 1 loads strictly in order). Env: QAI_WRITERS. Default 2."
    )
    var writers: Int?
}

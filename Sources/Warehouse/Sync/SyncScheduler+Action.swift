extension SyncScheduler {
    /// What the executor does next. Slices are named by their position in the plan.
    enum Action {
        /// Fetch the slice at this position.
        case fetch(Int)
        /// Load `batch` in one transaction on writer `writer` (a position in the writer list).
        case load(Batch, writer: Int)
        /// Nothing is in flight and nothing more will start: write `outcome.laggingWatermarks`
        /// and end the run.
        case finish(Outcome)
        /// Stop: cancel the fetches and loads in flight (batches that committed stay committed;
        /// lagging watermarks are not written) and fail the run with `error`.
        case fail(any Error)
    }

    /// One stream's fetched slices, loaded in one transaction with their checkpoints.
    struct Batch: Equatable, Sendable {
        var stream: String
        /// Plan positions of its slices, in the order they were fetched.
        var slices: [Int]
        /// The stream's watermark once this batch commits (exclusive end, epoch seconds); nil when
        /// it does not move.
        var watermark: Int64?
    }

    /// What a run that ran to its end leaves to do.
    struct Outcome: Equatable, Sendable {
        /// Positions (in `SyncScheduler.slices`) not fetched because the request budget ran out, in
        /// fetch order.
        var deferred: [Int]
        /// Per stream: the watermark its committed slices reached but no batch wrote, because a
        /// batch committed while an earlier one of its stream was still loading.
        var laggingWatermarks: [String: Int64]
    }
}

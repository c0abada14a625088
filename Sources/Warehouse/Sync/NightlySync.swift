import Postgres

/// The nightly `sync` as `qai-loader sync` runs it: the plan read from the warehouse at
/// `schedule.now` and the request that loads it on a clock that says the same time. Benchmarks
/// and tests run the job through here with a simulated clock.
public enum NightlySync {
    /// The plan and the request for one night.
    public static func prepare(
        _ schedule: SyncSchedule, options: [String: String], concurrency: Int = 4, writers: Int = 2,
        maxRequests: Int? = nil, lockPolicy: LockPolicy = .standard,
        clock: @escaping @Sendable () -> Double = SyncRequest.wallClock, schema: Identifier,
        on connection: Connection
    ) async throws -> (plan: SyncPlan, request: SyncRequest) {
        let plan = try await SyncPlanner.plan(schedule, schema: schema, on: connection)
        var runOptions = options
        runOptions["resweep"] = schedule.resweep.mode.rawValue
        if schedule.fillGaps { runOptions["fill_gaps"] = "true" }
        var request = SyncRequest(
            command: .sync, options: runOptions, slices: plan.slices, concurrency: concurrency, writers: writers,
            maxRequests: maxRequests, lockPolicy: lockPolicy, clock: clock)
        request.sliceSeconds = schedule.sliceSeconds
        return (plan, request)
    }
}

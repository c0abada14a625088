import Postgres
import QualityAI
import Testing
import Warehouse

/// Issue 12: the job as people run it over months. Backfills and nightly syncs in the orders the
/// README and deploy/README.md give them, each ending equal to the mock's truth, and a gap made on
/// purpose listed by status and closed by `--fill-gaps`.
@Suite struct LifecycleTests {
    static let day: Int64 = 86_400

    @Test("README's first load: a backfill of older days, then sync: no hole between them")
    func backfillThenSync() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 30) { harness in
            let start = harness.configuration.start
            _ = try await harness.run(harness.backfill(from: start, to: start + 10 * Self.day))
            // `sync` with its defaults (--since 7 days ago) at the end of the mock's range.
            let plan = try await harness.plan(now: harness.configuration.end)
            #expect(plan.streams["st-sync"]?.newDataFrom == start + 10 * Self.day)
            _ = try await harness.run(harness.syncRequest(plan))
            try await harness.expectMatches(try await harness.truth.window(stream: "st-sync"), stream: "st-sync")
            let status = try await harness.status()
            #expect(status.gaps.isEmpty)
            #expect(status.coveredFrom == start && status.coveredTo == harness.configuration.end)
            // Nights later, sync again: new data continues at the watermark, still no gap.
            let later = try await harness.plan(now: harness.configuration.end + 3 * Self.day)
            #expect(later.streams["st-sync"]?.newDataFrom == harness.configuration.end)
        }
    }

    @Test("deploy/README.md's order: sync first, history backfilled later: status lists the gap, --fill-gaps closes it")
    func gapListedAndFilled() async throws {
        try await SyncHarness.with(conversations: 3_000, days: 30) { harness in
            let (start, end) = (harness.configuration.start, harness.configuration.end)
            // The first nightly sync loads its default 7 days; history is backfilled afterwards, but only
            // its first 12 days: days 12 to 23 of the range stay missing.
            _ = try await harness.run(harness.syncRequest(try await harness.plan(now: end)))
            _ = try await harness.run(harness.backfill(from: start, to: start + 12 * Self.day))
            let gapped = try await harness.status()
            #expect(gapped.gaps == [Coverage.Range(start: start + 12 * Self.day, end: end - 7 * Self.day)])
            let missing = try await harness.integer(
                "SELECT count(*) FROM qai.fact_conversation WHERE conversation_start < to_timestamp(\(end - 7 * Self.day))"
            )
            let truthMissing = try await harness.truth.window(stream: "st-sync", to: end - 7 * Self.day - 1)
            #expect(missing < truthMissing.conversationCount, "the gap should hold conversations")
            // A plain sync does not fill it (it is listed and logged); --fill-gaps does.
            let plain = try await harness.plan(now: end)
            #expect(!plain.slices.contains { $0.kind == .gap })
            let filling = try await harness.plan(now: end, fillGaps: true)
            #expect(filling.slices.filter { $0.kind == .gap }.count == 11)
            _ = try await harness.run(harness.syncRequest(filling))
            #expect(try await harness.status().gaps.isEmpty)
            try await harness.expectMatches(try await harness.truth.window(stream: "st-sync"), stream: "st-sync")
        }
    }
}

extension SyncHarness {
    /// A backfill of `[from, to)` in day slices, as `qai-loader backfill` plans it.
    func backfill(from: Int64, to: Int64, stream: String = "st-sync") -> SyncRequest {
        let slices = SlicePlanner.windows(from: from, to: to, sliceSeconds: 86_400).map {
            SliceSpec(streamId: stream, window: $0, kind: .backfill)
        }
        return SyncRequest(
            command: .backfill, options: ["from": String(from), "to": String(to), "streams": stream],
            slices: slices)
    }

    /// The nightly sync's plan at `now` (no settle time), as `qai-loader sync` makes it.
    func plan(now: Int64, fillGaps: Bool = false, resweep: ResweepPolicy = ResweepPolicy()) async throws -> SyncPlan {
        let schedule = SyncSchedule(
            streams: configuration.streams, now: now, settleSeconds: 0, fillGaps: fillGaps, resweep: resweep)
        return try await SyncPlanner.plan(schedule, schema: schema, on: observer)
    }

    /// The sync request for `plan`, on a clock fixed at `now` when given.
    func syncRequest(_ plan: SyncPlan, now: Int64? = nil) -> SyncRequest {
        var request = SyncRequest(
            command: .sync, options: ["streams": configuration.streams.joined(separator: ",")], slices: plan.slices)
        if let now { request.clock = { Double(now) } }
        return request
    }

    /// `status` of the harness's first stream.
    func status() async throws -> StreamStatus {
        let status = try await StatusReader(schema: schema).read(on: observer)
        guard let stream = status.streams.first(where: { $0.streamId == configuration.streams[0] }) else {
            throw SyncTestError("status lists no stream \(configuration.streams[0])")
        }
        return stream
    }
}

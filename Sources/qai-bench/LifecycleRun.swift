import AsyncHTTPClient
import EmbeddedPostgres
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import Warehouse

/// One policy's simulated months: its own database, the shared mock's clock moved night by night.
struct LifecycleRun {
    let mode: ResweepPolicy.Mode
    let server: RunningMockAPIServer
    let http: HTTPClient
    let nights: Int
    let backfillDays: Int
    let lookbackDays: Int
    let firstNight: Int64
    let logger: Logger

    static let settle: Int64 = 600

    func run(perNight: Bool) async throws -> LifecycleResult {
        let database = try await TestPostgres.makeDatabase(prefix: "qai_bench_lifecycle")
        let schema = try Identifier("qai")
        let observer = try await Connection.connect(database, logger: logger)
        do {
            let result = try await load(database: database, schema: schema, observer: observer, perNight: perNight)
            await observer.close()
            return result
        } catch {
            await observer.close()
            throw error
        }
    }

    private func load(database: DatabaseConfiguration, schema: Identifier, observer: Connection, perNight: Bool)
        async throws -> LifecycleResult
    {
        _ = try await Migrator(schema: schema).migrate(observer, logger: logger)
        let api = APIConfiguration(
            baseURL: server.baseURL, streamIds: [LifecycleBenchmark.stream], accountId: "bench", orgId: "bench",
            credentials: .clientCredentials(
                clientId: "bench-client", clientSecret: MockAPIConfiguration.defaultClientSecret),
            requestsPerMinute: 0)
        let pipeline = SyncPipeline(
            client: try RawDataClient(
                httpClient: http, configuration: api, limiter: RateLimiter(requestsPerMinute: 0), logger: logger),
            database: database, schema: schema, logger: logger)
        let backfillAt = firstNight - LifecycleBenchmark.day
        try server.control.setClock(backfillAt)
        let backfillEnd = LifecycleBenchmark.origin + Int64(backfillDays) * LifecycleBenchmark.day
        let slices = SlicePlanner.windows(
            from: LifecycleBenchmark.origin, to: backfillEnd, sliceSeconds: LifecycleBenchmark.day
        ).map { SliceSpec(streamId: LifecycleBenchmark.stream, window: $0, kind: .backfill) }
        _ = try await pipeline.run(
            SyncRequest(
                command: .backfill, options: ["streams": LifecycleBenchmark.stream], slices: slices,
                clock: { Double(backfillAt) }))
        var result = LifecycleResult(mode: mode)
        let policy = ResweepPolicy(mode: mode)
        for night in 1...nights {
            let now = firstNight + Int64(night - 1) * LifecycleBenchmark.day
            try server.control.setClock(now)
            let schedule = SyncSchedule(
                streams: [LifecycleBenchmark.stream], now: now, settleSeconds: Self.settle, lookbackDays: lookbackDays,
                resweep: policy)
            let (plan, request) = try await NightlySync.prepare(
                schedule, options: ["streams": LifecycleBenchmark.stream], clock: { Double(now) }, schema: schema,
                on: observer)
            let summary = try await pipeline.run(request)
            var figures = try await LifecycleNight.measure(
                night: night, now: now, settle: Self.settle, lookbackDays: lookbackDays, runId: summary.runId,
                control: server.control, schema: schema, on: observer)
            figures.model = plan.streams[LifecycleBenchmark.stream]?.model.summary ?? "-"
            if perNight { print(figures.line(mode: mode)) }
            result.add(figures)
        }
        let last = firstNight + Int64(nights - 1) * LifecycleBenchmark.day
        result.missed = try await LifecycleMisses.count(
            lastNight: last, settle: Self.settle, lookbackDays: lookbackDays, control: server.control, schema: schema,
            on: observer)
        return result
    }
}

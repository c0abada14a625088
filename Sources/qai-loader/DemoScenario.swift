import AsyncHTTPClient
import Foundation
import Logging
import MockAPI
import Postgres
import QualityAI
import Warehouse

/// What `demo` does once a database and the fake API are up: migrate, backfill the fake API's
/// whole range, advance its late-audit epoch, sync again, and describe the result.
struct DemoScenario {
    /// A failure of the demo itself.
    struct ValidationErrorText: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let database: DatabaseConfiguration
    let schema: Identifier
    let mock: RunningMockAPIServer
    let logger: Logger

    func run() async throws -> String {
        let clock = ContinuousClock()
        let started = clock.now
        try await Connection.withConnection(database, logger: logger) { connection in
            _ = try await Migrator(schema: schema).migrate(connection, logger: logger)
        }
        // The fake API listens on loopback: direct, whatever proxy the environment names.
        let httpClient = HTTPClientFactory.direct.makeClient(logger: logger)
        do {
            let api = APIConfiguration(
                baseURL: mock.baseURL, streamIds: ["st-demo"], accountId: "demo-account", orgId: "demo-org",
                credentials: .clientCredentials(
                    clientId: "demo-app", clientSecret: MockAPIConfiguration.defaultClientSecret),
                requestsPerMinute: 0)
            let client = try RawDataClient(
                httpClient: httpClient, configuration: api, limiter: RateLimiter(requestsPerMinute: 0), logger: logger)
            let pipeline = SyncPipeline(client: client, database: database, schema: schema, logger: logger)
            let info = try await fetchInfo(httpClient)
            let windows = SlicePlanner.windows(from: info.start, to: info.end, sliceSeconds: 86_400)
            print("Backfilling \(windows.count) days ...")
            let first = try await pipeline.run(
                SyncRequest(
                    command: "backfill", options: ["demo": "first load"],
                    slices: windows.map { SliceSpec(streamId: "st-demo", window: $0, kind: .backfill) }))
            print("Late audits arrive (fake API epoch 1); syncing again ...")
            try await post(httpClient, path: "/mock/epoch/advance")
            let second = try await pipeline.run(
                SyncRequest(
                    command: "sync", options: ["demo": "late audits"],
                    slices: windows.map { SliceSpec(streamId: "st-demo", window: $0, kind: .lookback) }))
            try await httpClient.shutdown()
            let elapsed = clock.now - started
            let examples = try await DemoQueries.render(database: database, schema: schema, logger: logger)
            return """

                Demo finished in \(elapsed.components.seconds) s.
                  first load: \(first.totals.load.inserted) conversations loaded (\(first.totals.requests.requests) API requests)
                  late audits: \(second.totals.load.updated) conversations updated, \(second.totals.load.auditChanges) audit changes, \
                \(second.totals.load.unchanged) unchanged rows not rewritten

                \(examples)
                """
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    private struct Info: Decodable {
        let start: String
        let end: String
    }

    /// The fake API's data range as epoch seconds, end exclusive.
    private func fetchInfo(_ client: HTTPClient) async throws -> (start: Int64, end: Int64) {
        let response = try await client.execute(
            HTTPClientRequest(url: mock.baseURL + "/mock/info"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let info = try JSONDecoder().decode(Info.self, from: Data(buffer: body))
        guard let start = VendorTimestamp.parse(info.start), let end = VendorTimestamp.parse(info.end) else {
            throw ValidationErrorText("the fake API reported an unreadable range: \(info.start) .. \(info.end)")
        }
        return (start, end + 1)
    }

    private func post(_ client: HTTPClient, path: String) async throws {
        var request = HTTPClientRequest(url: mock.baseURL + path)
        request.method = .POST
        _ = try await client.execute(request, timeout: .seconds(10))
    }
}

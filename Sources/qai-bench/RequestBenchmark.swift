import ArgumentParser
import Foundation
import MockAPI
import Postgres
import Warehouse

/// `qai-bench requests`: what a backfill costs in requests, with slices that follow the data
/// against one request window per planned day, beside the minimum (issue 15).
struct RequestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Requests a backfill makes, following the data and day by day, against the minimum.",
        discussion: """
            For each data set (dense: 20,000 conversations over 30 days; sparse: 20 over two years, like \
            the vendor's published samples; medium: 4,000 over 21 days) a backfill of the mock's whole range \
            runs twice on fresh databases: day slices joined into wide slices that are cut where the data is \
            dense (the loader's way), and every day slice fetched on its own. Prints requests, the minimum \
            (ceil(records/100) for the whole range, and summed over days), and the ratios. Both runs must \
            load every conversation of the mock. Then 3,000 conversations over 5 days under each way the API \
            may combine offset and page (the mock's paging models, also with offsets capped at 100): requests \
            following the data against the per-day minimum and against the cheapest model.
            """)

    /// One data set.
    struct Scenario {
        var name: String
        var conversations: Int
        var days: Int
    }

    static let scenarios = [
        Scenario(name: "dense", conversations: 20_000, days: 30),
        Scenario(name: "sparse", conversations: 20, days: 730),
        Scenario(name: "medium", conversations: 4_000, days: 21),
    ]

    func run() async throws {
        print(
            "data set      conversations  days  minimum  per-day min  following  day slices  following/min"
                + "  following/per-day min")
        for scenario in Self.scenarios {
            let following = try await backfill(scenario, followsData: true)
            let daily = try await backfill(scenario, followsData: false)
            let minimum = (scenario.conversations + 99) / 100
            let line = [
                scenario.name.padding(toLength: 12, withPad: " ", startingAt: 0),
                String(scenario.conversations).leftPadded(15), String(scenario.days).leftPadded(5),
                String(minimum).leftPadded(8), String(daily.perDayMinimum).leftPadded(12),
                String(following.requests).leftPadded(10), String(daily.requests).leftPadded(11),
                String(format: "%.3fx", Double(following.requests) / Double(minimum)).leftPadded(14),
                String(format: "%.3fx", Double(following.requests) / Double(daily.perDayMinimum)).leftPadded(22),
            ]
            print(line.joined(separator: " "))
        }
        try await pagingModels()
    }

    /// The paging models, each on 3,000 conversations over 5 days.
    private func pagingModels() async throws {
        let scenario = Scenario(name: "paging", conversations: 3_000, days: 5)
        var rows: [(String, Int, Int)] = []
        for model in FaultConfiguration.PagingModel.allCases {
            for cap in [nil, 100] as [Int?] {
                let faults = FaultConfiguration(pagingModel: model, maxOffset: cap)
                let run = try await backfill(scenario, followsData: true, faults: faults)
                rows.append(
                    (model.rawValue + (cap.map { ", max offset \($0)" } ?? ""), run.requests, run.perDayMinimum))
            }
        }
        let cheapest = rows.map(\.1).min() ?? 1
        print("")
        print("paging model (3,000 conversations, 5 days)  requests  per-day min  /per-day min  /cheapest")
        for (name, requests, minimum) in rows {
            let line = [
                name.padding(toLength: 43, withPad: " ", startingAt: 0), String(requests).leftPadded(9),
                String(minimum).leftPadded(12),
                String(format: "%.3fx", Double(requests) / Double(minimum)).leftPadded(13),
                String(format: "%.3fx", Double(requests) / Double(cheapest)).leftPadded(10),
            ]
            print(line.joined(separator: " "))
        }
    }

    /// Backfills the scenario's mock range on a fresh database; the requests it made, and the sum
    /// over days of ceil(conversations that day / 100).
    private func backfill(
        _ scenario: Scenario, followsData: Bool, faults: FaultConfiguration = FaultConfiguration()
    ) async throws -> (requests: Int, perDayMinimum: Int) {
        let fixture = try await SyncFixture.start(
            conversations: scenario.conversations, days: scenario.days, concurrency: 4, inProcessMock: true,
            faults: faults)
        do {
            var request = fixture.request
            request.followsData = followsData
            let pipeline = SyncPipeline(
                client: try fixture.makeClient(), database: fixture.database, schema: fixture.schema,
                logger: fixture.logger)
            let summary = try await pipeline.run(request)
            let loaded = try await fixture.count("fact_conversation")
            guard loaded == scenario.conversations else {
                throw ValidationErrorText(
                    "\(scenario.name): \(loaded) conversations loaded, the mock holds \(scenario.conversations)")
            }
            let perDay = try await Connection.withConnection(fixture.database, logger: fixture.logger) { connection in
                let rows = try await connection.execute(
                    Query(
                        """
                        SELECT coalesce(sum(ceil(n / 100.0)), 0)::bigint FROM (
                            SELECT count(*) AS n FROM \(fixture.schema, "fact_conversation")
                            GROUP BY floor(extract(epoch FROM coalesce(conversation_start, api_window_start)) / 86400)) d
                        """))
                return try rows.first?.decode(0, as: Int.self) ?? 0
            }
            await fixture.shutdown()
            return (summary.totals.requests.requests, perDay)
        } catch {
            await fixture.shutdown()
            throw error
        }
    }
}

extension String {
    /// The text right-aligned in `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

import Foundation
import Testing

@testable import Warehouse

/// The example queries compiled into the binary (what `demo` prints) are the files of sql/queries.
@Suite struct ExampleQueryTests {
    @Test("the embedded example queries are exactly the files in sql/queries, titled by their first line")
    func embeddedMatchesRepository() throws {
        let directory = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "sql/queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        #expect(ExampleQuery.embedded.map(\.name) == files.sorted())
        for query in ExampleQuery.embedded {
            let text = try String(contentsOf: directory.appending(path: query.name), encoding: .utf8)
            #expect(text == query.sql, "\(query.name) differs from the embedded copy")
        }
        #expect(ExampleQuery.named("10_daily_quality_trend.sql")?.title == "How is quality trending, day by day?")
        #expect(ExampleQuery.named("11_agent_scorecard.sql")?.title == "How does each agent score?")
        #expect(ExampleQuery.named("none.sql") == nil)
    }
}

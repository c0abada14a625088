import ArgumentParser
import Foundation
import Testing

@testable import Warehouse
@testable import qai_loader

/// Issue 13, item 6, at the command line: `status` and the metrics file show type drift, and
/// `--strict-types` / `QAI_STRICT_TYPES` follow the settings' precedence.
@Suite("Type drift: status, metrics file and --strict-types")
struct TypeDriftCommandTests {
    @Test("status --json and the text report show each run's drift by field and its total")
    func status() async throws {
        let database = try await Fixture.migratedDatabase()
        try await Fixture.execute(
            """
            INSERT INTO qai.etl_run (run_id, command, status, finished_at, type_drift, type_drift_total) VALUES
                (50, 'backfill', 'succeeded', now(), '{"koreEvaluationScore": 2, "metrics.weight": 3}', 5),
                (51, 'sync', 'succeeded', now(), '{}', 0);
            """, on: database)
        let environment = ["DATABASE_URL": database.connectionString]
        let output = try await LoaderProcess.run(["status", "--json"], environment: environment)
        #expect(output.exitCode == 0, "\(output.all)")
        let object = try StatusCommandTests.json(output)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["run_id"] as? Int } == [51, 50])
        #expect(
            runs.map { $0["type_drift"] as? [String: Int] } == [[:], ["koreEvaluationScore": 2, "metrics.weight": 3]])
        #expect(runs.map { $0["type_drift_total"] as? Int } == [0, 5])

        let text = try await LoaderProcess.run(["status"], environment: environment)
        #expect(text.exitCode == 0, "\(text.all)")
        #expect(
            text.stdout.contains(
                "  run 50 type drift: 5 values not readable as their type (koreEvaluationScore 2, metrics.weight 3)"))
        #expect(!text.stdout.contains("run 51 type drift"))
    }

    @Test("the metrics file has one type drift sample per stream and field, none for a clean stream")
    func metrics() throws {
        var summary = MetricsFileTests.summary()
        summary.totals.streams["st-a"]?.typeDrift = ["koreEvaluationScore": 2, "metrics.weight": 3]
        let path = try MetricsFileTests.temporaryPath()
        try MetricsFile.write(summary: summary, command: .backfill, to: path)
        let (values, types) = try MetricsFileTests.samples(path)
        let drift = values.filter { $0.key.hasPrefix("qai_loader_last_run_type_drift{") }
        #expect(
            drift == [
                #"qai_loader_last_run_type_drift{command="backfill",stream="st-a",field="koreEvaluationScore"}"#: 2,
                #"qai_loader_last_run_type_drift{command="backfill",stream="st-a",field="metrics.weight"}"#: 3,
            ])
        #expect(types["qai_loader_last_run_type_drift"] == "gauge")
        let report = RunReport.text(summary)
        #expect(
            report.contains(
                "type drift: 5 values could not be read as their type (koreEvaluationScore 2, metrics.weight 3)"))
        #expect(!RunReport.text(MetricsFileTests.summary()).contains("type drift"))
    }

    @Test("--strict-types beats QAI_STRICT_TYPES, which beats the settings file; default off")
    func precedence() async throws {
        let config = try SettingsTests.file("qai.env", "QAI_STRICT_TYPES=true\n")
        let fromFile = try await GlobalOptions.parse(["--config", config]).settings(environment: [:])
        let fromEnvironment = try await GlobalOptions.parse(["--config", config])
            .settings(environment: ["QAI_STRICT_TYPES": "false"])
        let none = try await GlobalOptions.parse([]).settings(environment: [:])
        #expect(try TypeDriftOptions.parse([]).strict(settings: none) == false)
        #expect(try TypeDriftOptions.parse([]).strict(settings: fromFile) == true)
        #expect(try TypeDriftOptions.parse([]).strict(settings: fromEnvironment) == false)
        #expect(try TypeDriftOptions.parse(["--strict-types"]).strict(settings: fromEnvironment) == true)
        #expect(try TypeDriftOptions.parse(["--no-strict-types"]).strict(settings: fromFile) == false)
        let bad = try await GlobalOptions.parse([]).settings(environment: ["QAI_STRICT_TYPES": "maybe"])
        #expect(throws: ValidationError.self) { try TypeDriftOptions.parse([]).strict(settings: bad) }
        for command in ["sync", "backfill"] {
            let help = try await LoaderProcess.run(["help", command])
            #expect(help.stdout.contains("--strict-types"), "\(command): \(help.all)")
        }
    }
}

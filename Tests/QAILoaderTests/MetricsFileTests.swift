import Foundation
import Postgres
import QualityAI
import Testing

@testable import Warehouse
@testable import qai_loader

@Suite("--metrics-file: Prometheus text for node_exporter's textfile collector")
struct MetricsFileTests {
    static func temporaryPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appending(path: "qai-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appending(path: "qai_loader_sync.prom").path
    }

    /// The file's samples: `name{labels}` to value, and its `# TYPE` lines.
    static func samples(_ path: String) throws -> (values: [String: Double], types: [String: String]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var values: [String: Double] = [:]
        var types: [String: String] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                types[String(parts[2])] = String(parts[3])
            } else if !line.hasPrefix("#"), let space = line.lastIndex(of: " ") {
                values[String(line[..<space])] = Double(line[line.index(after: space)...])
            }
        }
        return (values, types)
    }

    /// A run with hand-chosen figures for two streams.
    static func summary() -> RunSummary {
        var totals = RunTotals()
        var first = RunTotals.Stream()
        first.load.inserted = 7
        first.load.updated = 3
        first.load.unchanged = 11
        first.load.auditChanges = 2
        first.rejected = 1
        var second = RunTotals.Stream()
        second.load.inserted = 5
        totals.streams = ["st-a": first, "st-b": second]
        totals.requests.requests = 25
        totals.requests.retries = 4
        totals.lockRetries = 6
        totals.requests.rateLimited = 2
        return RunSummary(runId: 42, totals: totals, resumedSlices: 0, deferredSlices: 3, seconds: 12.5)
    }

    @Test("a finished run: every figure with its labels, all gauges, written through PATH.tmp")
    func finishedRun() throws {
        let path = try Self.temporaryPath()
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        try MetricsFile.write(summary: Self.summary(), command: .sync, to: path, now: now)
        let (values, types) = try Self.samples(path)
        let sync = "command=\"sync\""
        let expected: [String: Double] = [
            "qai_loader_last_run_timestamp_seconds{\(sync)}": 1_767_225_600,
            "qai_loader_last_run_success{\(sync)}": 1,
            "qai_loader_last_success_timestamp_seconds{\(sync)}": 1_767_225_600,
            "qai_loader_last_run_duration_seconds{\(sync)}": 12.5,
            "qai_loader_last_run_id{\(sync)}": 42,
            "qai_loader_last_run_conversations{\(sync),stream=\"st-a\",result=\"inserted\"}": 7,
            "qai_loader_last_run_conversations{\(sync),stream=\"st-a\",result=\"updated\"}": 3,
            "qai_loader_last_run_conversations{\(sync),stream=\"st-a\",result=\"unchanged\"}": 11,
            "qai_loader_last_run_conversations{\(sync),stream=\"st-a\",result=\"rejected\"}": 1,
            "qai_loader_last_run_conversations{\(sync),stream=\"st-b\",result=\"inserted\"}": 5,
            "qai_loader_last_run_conversations{\(sync),stream=\"st-b\",result=\"rejected\"}": 0,
            "qai_loader_last_run_audit_changes{\(sync),stream=\"st-a\"}": 2,
            "qai_loader_last_run_requests{\(sync)}": 25,
            "qai_loader_last_run_retries{\(sync)}": 4,
            "qai_loader_last_run_rate_limited{\(sync)}": 2,
            "qai_loader_last_run_lock_retries{\(sync)}": 6,
            "qai_loader_last_run_deferred_slices{\(sync)}": 3,
        ]
        for (sample, value) in expected {
            #expect(values[sample] == value, "\(sample)")
        }
        #expect(values.count == 20)
        #expect(Set(types.values) == ["gauge"])
        #expect(types.count == 12)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test("a failed run: success 0, the failure's kind, and the last success kept from the previous file")
    func failedRun() throws {
        let path = try Self.temporaryPath()
        try MetricsFile.write(
            summary: Self.summary(), command: .sync, to: path, now: Date(timeIntervalSince1970: 1_767_225_600))
        let secret = "Pa55-in-an-error-\(UUID().uuidString.prefix(6))"
        let error = PostgresError(code: .connectionFailed, message: "password \(secret) refused")
        try MetricsFile.writeFailure(
            command: .sync, error: error, to: path, now: Date(timeIntervalSince1970: 1_767_312_000))
        let (values, _) = try Self.samples(path)
        #expect(values["qai_loader_last_run_success{command=\"sync\"}"] == 0)
        #expect(values["qai_loader_last_run_timestamp_seconds{command=\"sync\"}"] == 1_767_312_000)
        #expect(values["qai_loader_last_success_timestamp_seconds{command=\"sync\"}"] == 1_767_225_600)
        #expect(values["qai_loader_last_run_failure{command=\"sync\",reason=\"database_connectionFailed\"}"] == 1)
        #expect(values.keys.allSatisfy { !$0.contains("conversations") })
        #expect(try !String(contentsOfFile: path, encoding: .utf8).contains(secret))
    }

    @Test("failure kinds come from the error's type and code, never its text")
    func failureReasons() {
        #expect(RunMetrics.reason(APIError(code: .unauthorized, detail: "x")) == "api_unauthorized")
        #expect(RunMetrics.reason(WarehouseError(code: .lockHeld, message: "y")) == "warehouse_lockHeld")
        #expect(RunMetrics.reason(CocoaError(.fileNoSuchFile)) == "other")
    }

    @Test("a first failure without an earlier file has no last-success sample")
    func firstFailure() throws {
        let path = try Self.temporaryPath()
        try MetricsFile.writeFailure(command: .backfill, error: CocoaError(.fileNoSuchFile), to: path)
        let (values, _) = try Self.samples(path)
        #expect(values["qai_loader_last_run_success{command=\"backfill\"}"] == 0)
        #expect(values["qai_loader_last_run_failure{command=\"backfill\",reason=\"other\"}"] == 1)
        #expect(values.keys.allSatisfy { !$0.hasPrefix("qai_loader_last_success_timestamp_seconds") })
    }

    @Test("a directory that does not exist: an error naming the file and what to do")
    func missingDirectory() throws {
        let path = "/nonexistent-\(UUID().uuidString)/qai_loader_sync.prom"
        let error = #expect(throws: MetricsFileError.self) {
            try MetricsFile.write(summary: Self.summary(), command: .sync, to: path)
        }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("What to do") == true)
    }
}

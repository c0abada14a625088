import Foundation
import Logging
import MockAPI
import TestSupport

/// Clock-mode servers and the clock endpoints, for the clock tests.
enum ClockHarness {
    static let day: Int64 = 86_400

    /// The harness's data set (ending 2026-03-24 00:00:00) on a simulated clock starting at `now`.
    static func configuration(conversations: Int = 400, days: Int = 3, now: Int64, prewarm: Bool = true)
        -> MockAPIConfiguration
    {
        var configuration = MockHarness.configuration(conversations: conversations, days: days)
        configuration.clock = now
        configuration.prewarm = prewarm
        return configuration
    }

    /// Like `MockHarness.withServer`, with the in-process control handle too.
    static func withServer<Value>(
        _ configuration: MockAPIConfiguration, _ body: (MockHTTP, MockControl) async throws -> Value
    ) async throws -> Value {
        try await MockHarness.with(configuration) { harness in
            try await body(MockHTTP(port: harness.port), harness.server.control)
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` in UTC, by Foundation (independent of the mock's formatter).
    static func spaced(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Seconds of a `YYYY-MM-DD HH:MM:SS` or ISO time (fraction dropped), by Foundation.
    static func seconds(_ text: String) -> Int64? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let normalised = String(text.prefix(19).map { $0 == "T" ? " " : $0 })
        return formatter.date(from: normalised).map { Int64($0.timeIntervalSince1970) }
    }
}

extension MockHTTP {
    /// `POST /mock/clock`; the answer's `now`.
    @discardableResult
    func setClock(_ now: Int64) async throws -> Int64 {
        let reply = try await post("/mock/clock", json: "{\"now\":\(now)}")
        guard reply.status == 200, let value = try reply.json()["now"] as? Int else {
            throw HarnessError(description: "POST /mock/clock answered \(reply.status): \(reply.text)")
        }
        return Int64(value)
    }

    /// The window truth of the whole test range (below-threshold contacts included) at `at`.
    func clockTruth(at: String? = nil, details: Bool = true) async throws -> [String: Any] {
        try await truth(
            from: "2026-03-14 00:00:00", to: "2026-03-23 23:59:59", includeBelowThreshold: true,
            extra: (at.map { "&at=\(MockHTTP.encode($0))" } ?? "") + (details ? "" : "&details=false"))
    }

    /// Every page of the test range (below-threshold contacts included).
    func allClockPages() async throws -> PageSet {
        try await allPages(
            startDate: "2026-03-14 00:00:00", endDate: "2026-03-23 23:59:59",
            extra: #""include_below_threshold":true"#)
    }
}

/// One conversation of a clock-mode window truth, as parsed by Foundation.
struct TruthConversation {
    var id: String
    var start: Int64
    var end: Int64
    var durationStatus: String?
    var auditStatus: String
    var auditScore: Int?
    var auditDate: String?
    var auditor: String?
    var auditChangedAt: Int64?
    var changes: [(time: Int64, status: String)]

    var isEvaluated: Bool { durationStatus == nil || durationStatus == "evaluated" }

    static func list(_ truth: [String: Any]) throws -> [TruthConversation] {
        guard let entries = truth["conversations"] as? [[String: Any]] else {
            throw HarnessError(description: "truth has no conversations list")
        }
        return try entries.map { entry in
            guard let id = entry["id"] as? String, let start = entry["start"] as? Int, let end = entry["end"] as? Int,
                let status = entry["auditStatus"] as? String, let changes = entry["auditChanges"] as? [[String: Any]]
            else { throw HarnessError(description: "bad truth conversation \(entry)") }
            return TruthConversation(
                id: id, start: Int64(start), end: Int64(end), durationStatus: entry["durationStatus"] as? String,
                auditStatus: status, auditScore: entry["auditScore"] as? Int, auditDate: entry["auditDate"] as? String,
                auditor: entry["auditor"] as? String, auditChangedAt: (entry["auditChangedAt"] as? Int).map(Int64.init),
                changes: changes.map { (Int64($0["time"] as? Int ?? -1), $0["status"] as? String ?? "?") })
        }
    }
}

import Foundation
import MockAPI
import Postgres
import Warehouse

/// What one night left: its requests by purpose, and the warehouse against the mock's truth.
struct LifecycleNight {
    var night: Int
    var newDataRequests = 0
    var resweepRequests = 0
    /// Conversations the API lists (ended by now, started before the cut-off) missing in the warehouse.
    var holes = 0
    /// Conversations inside the lookback window whose audit fields differ from the truth.
    var stale = 0
    /// Seconds since each stale conversation's current audit state became visible.
    var staleAges: [Int64] = []
    /// Stale conversations older than the window (changes after they left it; by design).
    var staleOutsideWindow = 0
    var model = "-"

    static func measure(
        night: Int, now: Int64, settle: Int64, lookbackDays: Int, runId: Int64, control: MockControl,
        schema: Identifier, on connection: Connection
    ) async throws -> LifecycleNight {
        var figures = LifecycleNight(night: night)
        let requests = try await connection.execute(
            Query(
                """
                SELECT coalesce(reason, '') AS reason, sum(requests)::bigint AS n
                FROM \(schema, "etl_slice") WHERE run_id = \(runId) GROUP BY 1
                """))
        for row in requests {
            let count = try row.decode("n", as: Int.self) ?? 0
            if row[0]?.hasPrefix("lookback") == true {
                figures.resweepRequests += count
            } else {
                figures.newDataRequests += count
            }
        }
        let cutoff = now - settle
        let truth = try control.auditTruth(stream: LifecycleBenchmark.stream, to: cutoff - 1, at: now)
        let stored = try await warehouse(schema: schema, on: connection)
        let windowStart = cutoff - Int64(lookbackDays) * LifecycleBenchmark.day
        for conversation in truth {
            guard let held = stored[conversation.id] else {
                figures.holes += 1
                continue
            }
            guard held != WarehouseAudit(conversation) else { continue }
            guard conversation.start >= windowStart else {
                figures.staleOutsideWindow += 1
                continue
            }
            figures.stale += 1
            figures.staleAges.append(now - (conversation.auditChangedAt ?? conversation.start))
        }
        return figures
    }

    /// The warehouse's audit fields by conversation id.
    private static func warehouse(schema: Identifier, on connection: Connection) async throws
        -> [String: WarehouseAudit]
    {
        let rows = try await connection.execute(
            Query(
                """
                SELECT conversation_id, audit_status, audit_score::bigint AS score,
                    extract(epoch FROM audit_date)::bigint AS date, auditor
                FROM \(schema, "fact_conversation")
                """))
        var audits: [String: WarehouseAudit] = [:]
        for row in rows {
            guard let id = row[0] else { continue }
            audits[id] = WarehouseAudit(
                status: row[1] ?? "Not Assigned", score: try row.decode("score", as: Int.self),
                date: try row.decode("date", as: Int64.self), auditor: row[4])
        }
        return audits
    }

    func line(mode: ResweepPolicy.Mode) -> String {
        let sorted = staleAges.sorted()
        return String(
            format:
                "  %@ night %2d: requests new %3d re-sweep %3d, holes %d, stale %4d (p50 %.1f h, p95 %.1f h, max %.1f h), outside the window %d",
            mode.rawValue as NSString, night, newDataRequests, resweepRequests, holes, stale,
            LifecycleResult.quantile(sorted, 0.5), LifecycleResult.quantile(sorted, 0.95),
            LifecycleResult.quantile(sorted, 1), staleOutsideWindow)
    }
}

/// A conversation's audit fields as the warehouse holds them, comparable with the mock's truth.
struct WarehouseAudit: Equatable {
    var status: String
    var score: Int?
    var date: Int64?
    var auditor: String?

    init(status: String, score: Int?, date: Int64?, auditor: String?) {
        self.status = status
        self.score = score
        self.date = date
        self.auditor = auditor
    }

    init(_ truth: ConversationAuditTruth) {
        self.init(status: truth.auditStatus, score: truth.auditScore, date: truth.auditDate, auditor: truth.auditor)
    }
}

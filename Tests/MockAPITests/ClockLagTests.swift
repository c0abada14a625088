import Foundation
import MockAPI
import TestSupport
import Testing

/// The audit lags of a few thousand conversations follow the documented model. The expected
/// values are worked out here from the documented numbers (README and `AuditLagModel`): half of
/// the evaluated conversations audited, a fifth assigned only; lag to audit log-normal with median
/// 1.5 days and 80% within 4 days, capped at 30 days; 5% re-audited 1 to 14 days later.
@Suite struct ClockLagTests {
    /// Standard normal quantiles (tables): 0.5, 0.8, 0.95.
    static let z80 = 0.841_621
    static let z95 = 1.644_854

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }

    @Test func lagQuantilesAndSharesMatchTheDocumentedModel() async throws {
        let day = Double(ClockHarness.day)
        let median = 1.5 * day
        let sigma = log(4.0 / 1.5) / Self.z80
        let configuration = ClockHarness.configuration(
            conversations: 4_000, days: 10, now: MockHarness.end + 60 * ClockHarness.day, prewarm: false)
        let conversations = try await ClockHarness.withServer(configuration) { http, _ in
            try TruthConversation.list(try await http.clockTruth())
        }
        #expect(conversations.count == 4_000)
        let evaluated = conversations.filter(\.isEvaluated)
        #expect(conversations.filter { !$0.isEvaluated }.allSatisfy { $0.changes.isEmpty })
        var lags: [Double] = []
        var (assignedOnly, neverAssigned, reaudited) = (0, 0, 0)
        for conversation in evaluated {
            let audits = conversation.changes.filter { $0.status == "Audited" }
            let assignments = conversation.changes.filter { $0.status == "Assigned" }
            #expect(assignments.count <= 1)
            if conversation.changes.isEmpty { neverAssigned += 1 }
            guard let first = audits.first else {
                if !assignments.isEmpty { assignedOnly += 1 }
                continue
            }
            let assigned = try #require(assignments.first)
            #expect(assigned.time >= conversation.end && assigned.time < first.time)
            lags.append(Double(first.time - conversation.end))
            #expect(audits.count <= 2)
            if audits.count == 2 {
                reaudited += 1
                let delay = Double(audits[1].time - first.time)
                #expect(delay >= day && delay <= 14 * day)
            }
        }
        let count = Double(evaluated.count)
        #expect(abs(Double(lags.count) / count - 0.5) < 0.035)
        #expect(abs(Double(assignedOnly) / count - 0.2) < 0.03)
        #expect(abs(Double(neverAssigned) / count - 0.3) < 0.035)
        #expect(abs(Double(reaudited) / Double(lags.count) - 0.05) < 0.02)
        lags.sort()
        #expect(lags.first ?? 0 >= 1)
        #expect(lags.last ?? .infinity <= 30 * day)
        let expected = [
            (0.5, median, 0.12), (0.8, median * exp(sigma * Self.z80), 0.12),
            (0.95, median * exp(sigma * Self.z95), 0.2),
        ]
        for (p, value, tolerance) in expected {
            let observed = Self.quantile(lags, p)
            #expect(
                abs(observed / value - 1) < tolerance, "quantile \(p): \(observed / day) d, expected \(value / day) d")
        }
        #expect(abs(median * exp(sigma * Self.z95) / day - 10.2) < 0.1)
    }

    @Test func theStandardModelHoldsTheDocumentedParameters() {
        let model = AuditLagModel.standard
        #expect(model.auditedShare == 0.5)
        #expect(model.assignedOnlyShare == 0.2)
        #expect(model.medianLagSeconds == 1.5 * 86_400)
        #expect(abs(model.sigma - log(4.0 / 1.5) / Self.z80) < 0.001)
        #expect(model.maximumLagSeconds == 30 * 86_400)
        #expect(model.reauditShare == 0.05)
        #expect(model.reauditDelaySeconds == 86_400...(14 * 86_400))
        #expect(model.description.contains("median 1.5 d"))
    }
}

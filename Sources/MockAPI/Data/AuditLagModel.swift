import Foundation

/// When the audit workflow of an evaluated conversation happens in clock mode, relative to the
/// conversation's end (all shares are of evaluated conversations; each draw is keyed by seed,
/// stream and conversation index, so a conversation's whole history is fixed up front):
/// - `auditedShare` (50%) are audited once, `lag` after the end: log-normal with median
///   `medianLagSeconds` (1.5 days) and shape `sigma` (1.1654, so 80% within 4 days and 95% within
///   about 10.2 days), at least 1 second and at most `maximumLagSeconds` (30 days).
/// - Audited conversations are assigned at `end + f * lag` first, `f` uniform in
///   `assignmentFraction` (0.1..<0.9); `assignedOnlyShare` (20%) are assigned the same way (with a
///   lag drawn as for an audit) and never audited; the rest (30%) are never assigned.
/// - `reauditShare` (5%) of audited conversations are audited again (new score, auditor and
///   date) uniformly `reauditDelaySeconds` (1 to 14 days) after the first audit.
/// - Agents are renamed (the epoch mode's rename steps) once per `agentRenameIntervalSeconds`
///   (7 days) at a uniformly drawn second of each interval, counted from the generated range's start.
public struct AuditLagModel: Sendable, Equatable, CustomStringConvertible {
    public var auditedShare: Double
    public var assignedOnlyShare: Double
    public var medianLagSeconds: Double
    public var sigma: Double
    public var maximumLagSeconds: Int64
    public var assignmentFraction: Range<Double>
    public var reauditShare: Double
    public var reauditDelaySeconds: ClosedRange<Int64>
    public var agentRenameIntervalSeconds: Int64

    public init(
        auditedShare: Double = 0.5, assignedOnlyShare: Double = 0.2, medianLagSeconds: Double = 1.5 * 86_400,
        sigma: Double = 1.1654, maximumLagSeconds: Int64 = 30 * 86_400, assignmentFraction: Range<Double> = 0.1..<0.9,
        reauditShare: Double = 0.05, reauditDelaySeconds: ClosedRange<Int64> = 86_400...(14 * 86_400),
        agentRenameIntervalSeconds: Int64 = 7 * 86_400
    ) {
        self.auditedShare = auditedShare
        self.assignedOnlyShare = assignedOnlyShare
        self.medianLagSeconds = medianLagSeconds
        self.sigma = sigma
        self.maximumLagSeconds = maximumLagSeconds
        self.assignmentFraction = assignmentFraction
        self.reauditShare = reauditShare
        self.reauditDelaySeconds = reauditDelaySeconds
        self.agentRenameIntervalSeconds = agentRenameIntervalSeconds
    }

    /// The model documented above.
    public static let standard = AuditLagModel()

    /// The lag quantile `p` of the uncapped log-normal for a standard normal quantile `z`.
    public func lagQuantile(z: Double) -> Double {
        medianLagSeconds * exp(sigma * z)
    }

    /// A lag in whole seconds from a standard normal draw `z`: at least 1, at most the cap.
    func lag(z: Double) -> Int64 {
        let seconds = lagQuantile(z: z).rounded()
        guard seconds.isFinite, seconds < Double(maximumLagSeconds) else { return maximumLagSeconds }
        return max(1, Int64(seconds))
    }

    public var description: String {
        "audited \(Self.percent(auditedShare)), assigned only \(Self.percent(assignedOnlyShare)), "
            + "audit lag log-normal median \(Self.days(medianLagSeconds)) d sigma \(sigma) "
            + "(80% within \(Self.days(lagQuantile(z: 0.841_621))) d, 95% within \(Self.days(lagQuantile(z: 1.644_854))) d) "
            + "capped at \(Self.days(Double(maximumLagSeconds))) d, assigned at end + \(assignmentFraction) x lag, "
            + "re-audited \(Self.percent(reauditShare)) after \(Self.days(Double(reauditDelaySeconds.lowerBound)))-"
            + "\(Self.days(Double(reauditDelaySeconds.upperBound))) d, "
            + "agent renames every \(Self.days(Double(agentRenameIntervalSeconds))) d"
    }

    private static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
    private static func days(_ seconds: Double) -> String { String(format: "%.2g", seconds / 86_400) }
}

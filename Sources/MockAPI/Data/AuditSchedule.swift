import Foundation

/// One change of a conversation's audit fields in clock mode, visible from `time` on.
struct AuditChange: Sendable, Equatable {
    var time: Int64
    /// The audit fields from `time` on (an audit's `date` is `time`).
    var state: AuditState
}

/// A conversation's whole audit history in clock mode, drawn once from (seed, stream, index) by
/// `AuditLagModel`: the changes in time order (assignment, audit, re-audit; any may be absent).
/// The state at a time is the last change at or before it.
struct AuditSchedule: Sendable, Equatable {
    var changes: [AuditChange] = []

    /// How many changes are visible at `time`.
    func count(at time: Int64) -> Int {
        changes.prefix { $0.time <= time }.count
    }

    func state(at time: Int64) -> AuditState {
        let seen = count(at: time)
        return seen == 0 ? AuditState() : changes[seen - 1].state
    }

    /// When the state at `time` became visible (nil: never changed).
    func changedAt(_ time: Int64) -> Int64? {
        let seen = count(at: time)
        return seen == 0 ? nil : changes[seen - 1].time
    }

    /// Draws the schedule. Every draw happens in a fixed order whatever the outcome, so changing
    /// one parameter never reshuffles the others.
    static func draw(
        _ model: AuditLagModel, seed: UInt64, streamKey: UInt64, record: ConversationRecord
    ) -> AuditSchedule {
        guard record.header.durationStatus == .evaluated || record.header.durationStatus == nil else {
            return AuditSchedule()
        }
        var random = SplitMix64(keys: seed, streamKey, UInt64(record.header.index), RandomPurpose.clockAudit.rawValue)
        let end = UTCTime.floorDiv(record.endMs ?? record.header.startMs, 1000)
        let outcome = random.unit()
        let lag = model.lag(z: normal(&random))
        let fraction =
            model.assignmentFraction.lowerBound + random.unit()
            * (model.assignmentFraction.upperBound - model.assignmentFraction.lowerBound)
        let reaudited = random.unit() < model.reauditShare
        let delay =
            model.reauditDelaySeconds.lowerBound
            + Int64(random.below(Int(model.reauditDelaySeconds.upperBound - model.reauditDelaySeconds.lowerBound + 1)))
        let first = audit(at: end + lag, &random)
        let second = audit(at: end + lag + delay, &random)
        guard outcome < model.auditedShare + model.assignedOnlyShare else { return AuditSchedule() }
        let assignedAt = end + min(lag - 1, Int64((Double(lag) * fraction).rounded(.down)))
        var schedule = AuditSchedule(changes: [AuditChange(time: assignedAt, state: AuditState(status: .assigned))])
        guard outcome < model.auditedShare else { return schedule }
        schedule.changes.append(AuditChange(time: first.date ?? end, state: first))
        if reaudited { schedule.changes.append(AuditChange(time: second.date ?? end, state: second)) }
        return schedule
    }

    /// A standard normal draw (Box-Muller, two uniforms).
    private static func normal(_ random: inout SplitMix64) -> Double {
        let u1 = 1 - random.unit()
        let u2 = random.unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    private static func audit(at time: Int64, _ random: inout SplitMix64) -> AuditState {
        AuditState(
            status: .audited, score: random.within(0...100), date: time, auditor: random.pick(Pools.auditors),
            manualQualification: random.chance(80) ? .yes : .no,
            auditorResponse: random.pick(["Agreed", "Disagreed", "Agreed with comments"]))
    }
}

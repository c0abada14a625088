/// The audit workflow status, canonically spelled (records may spell Not Assigned "Unassigned").
enum AuditStatus: String, Sendable, CaseIterable {
    case notAssigned = "Not Assigned"
    case assigned = "Assigned"
    case audited = "Audited"
}

/// A conversation's audit fields at one epoch.
struct AuditState: Sendable, Equatable {
    var status = AuditStatus.notAssigned
    var score: Int?
    /// Audit completion time in epoch seconds.
    var date: Int64?
    var auditor: String?
    /// What the auditor put on the form's manual metric.
    var manualQualification: Qualification?
    var auditorResponse: String?
}

/// Late audits: a pure function of (seed, stream, index, epoch). Epoch 0 is the initial state; each
/// later epoch moves some conversations Not Assigned -> Assigned -> Audited and redoes a few audits.
/// Audit dates fall after the conversation and no later than `now` (the configuration's end).
struct AuditTimeline: Sendable {
    var seed: UInt64
    var now: Int64

    func state(of record: ConversationRecord, streamKey: UInt64, epoch: Int) -> AuditState {
        var state = AuditState()
        guard record.header.durationStatus == .evaluated || record.header.durationStatus == nil else { return state }
        let conversationEnd = UTCTime.floorDiv(record.endMs ?? record.header.startMs, 1000)
        for step in 0...max(epoch, 0) {
            var random = SplitMix64(
                keys: seed, streamKey, UInt64(record.header.index), RandomPurpose.audit.rawValue, UInt64(step))
            let roll = random.below(100)
            switch (state.status, step) {
            case (.notAssigned, 0):
                if roll < 25 {
                    state.status = .assigned
                } else if roll < 50 {
                    complete(&state, after: conversationEnd, &random)
                }
            case (.notAssigned, _):
                if roll < 15 { state.status = .assigned }
            case (.assigned, _):
                if roll < 30 { complete(&state, after: conversationEnd, &random) }
            case (.audited, _):
                if roll < 4 { complete(&state, after: max(conversationEnd, state.date ?? conversationEnd), &random) }
            }
        }
        return state
    }

    private func complete(_ state: inout AuditState, after lowerBound: Int64, _ random: inout SplitMix64) {
        let room = now - lowerBound
        guard room >= 2 else { return }
        state.status = .audited
        state.date = lowerBound + 1 + Int64(random.below(Int(room - 1)))
        state.score = random.within(0...100)
        state.auditor = random.pick(Pools.auditors)
        state.manualQualification = random.chance(80) ? .yes : .no
        state.auditorResponse = random.pick(["Agreed", "Disagreed", "Agreed with comments"])
    }
}

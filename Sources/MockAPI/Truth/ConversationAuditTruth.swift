/// One conversation's audit fields at a simulated time in clock mode and when they became
/// visible: what a benchmark needs to tell how stale a loader's copy is.
public struct ConversationAuditTruth: Sendable, Equatable {
    /// The canonical (trimmed) conversation id.
    public var id: String
    /// Start second (what the API filters on) and end second (start when it has no duration).
    public var start: Int64
    public var end: Int64
    /// `evaluated`, `below_threshold`, `duration_unavailable` or nil (audits happen to evaluated
    /// and nil ones only).
    public var durationStatus: String?
    /// `Not Assigned`, `Assigned` or `Audited`.
    public var auditStatus: String
    public var auditScore: Int?
    /// The audit date shown, epoch seconds: the time of the change that produced it.
    public var auditDate: Int64?
    public var auditor: String?
    /// When the current audit fields became visible (nil: never changed since the conversation).
    public var auditChangedAt: Int64?
    /// Every audit change at or before the time asked, oldest first.
    public var auditChanges: [Change]

    /// One audit change: from `time` on, the status was `status`.
    public struct Change: Sendable, Equatable {
        public var time: Int64
        public var status: String
    }

    init(_ record: ConversationRecord, schedule: AuditSchedule, end: Int64, at time: Int64) {
        let state = schedule.state(at: time)
        id = record.id
        start = record.header.startSecond
        self.end = end
        durationStatus = record.header.durationStatus?.rawValue
        auditStatus = state.status.rawValue
        auditScore = state.score
        auditDate = state.date
        auditor = state.auditor
        auditChangedAt = schedule.changedAt(time)
        auditChanges = schedule.changes.prefix { $0.time <= time }.map {
            Change(time: $0.time, status: $0.state.status.rawValue)
        }
    }

    /// `{"id":…,"start":s,"end":s,"durationStatus":…,"auditStatus":…,"auditScore":n,"auditDate":"YYYY-MM-DD HH:MM:SS",
    /// "auditor":…,"auditChangedAt":s,"auditChanges":[{"time":s,"status":…}]}` (s: epoch seconds).
    func write(into w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(id)
        w.key("start")
        w.int64(start)
        w.key("end")
        w.int64(end)
        w.key("durationStatus")
        w.string(durationStatus)
        w.key("auditStatus")
        w.string(auditStatus)
        w.key("auditScore")
        w.int(auditScore)
        w.key("auditDate")
        if let auditDate { w.spacedTime(auditDate) } else { w.null() }
        w.key("auditor")
        w.string(auditor)
        writeChanges(into: &w)
        w.endObject()
    }

    /// The `"auditChangedAt"` and `"auditChanges"` keys.
    func writeChanges(into w: inout JSONWriter) {
        w.key("auditChangedAt")
        if let auditChangedAt { w.int64(auditChangedAt) } else { w.null() }
        w.key("auditChanges")
        w.beginArray()
        for change in auditChanges {
            w.beginObject()
            w.key("time")
            w.int64(change.time)
            w.key("status")
            w.string(change.status)
            w.endObject()
        }
        w.endArray()
    }
}

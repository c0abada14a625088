extension RecordRenderer {
    /// Audit fields in the family's spelling. Scores appear only once an audit is complete: the
    /// sample writes `null` before that, the table leaves the key out, current samples do either.
    func auditFields(_ record: ConversationRecord, _ audit: AuditState, _ w: inout JSONWriter) {
        let status =
            audit.status == .notAssigned && record.style.unassignedSpelling ? "Unassigned" : audit.status.rawValue
        switch record.style.family {
        case .sample:
            w.key("AuditStatus")
            w.string(status)
            w.key("AuditScore")
            w.int(audit.score)
            w.key("audit_date")
            spacedDate(audit.date, &w)
            w.key("auditor")
            text(audit.auditor, record, &w)
        case .camel:
            w.key("auditStatus")
            w.string(status)
            if let score = audit.score {
                w.key("auditScore")
                w.int(score)
            }
            w.key("audit_date")
            spacedDate(audit.date, &w)
            w.key("auditor")
            text(audit.auditor, record, &w)
        case .title:
            w.key("Audit Status")
            w.string(status)
            if audit.score != nil || record.style.nullAuditScore {
                w.key("Audit Score")
                w.int(audit.score)
            }
            w.key("Audit Date")
            if let date = audit.date { w.isoTime(milliseconds: date * 1000, withFraction: true) } else { w.null() }
            w.key("Auditor Name")
            text(audit.auditor, record, &w)
        }
    }

    private func spacedDate(_ date: Int64?, _ w: inout JSONWriter) {
        if let date { w.spacedTime(date) } else { w.null() }
    }
}

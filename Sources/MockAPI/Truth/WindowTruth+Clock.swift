extension WindowTruth {
    /// `"mode"` and `"epoch"` (null in clock mode), then in clock mode `"at"` (epoch seconds) and
    /// `"atTime"` (`YYYY-MM-DD HH:MM:SS`).
    static func moment(_ moment: MockMoment, _ w: inout JSONWriter) {
        w.key("mode")
        w.string(moment.time == nil ? "epoch" : "clock")
        w.key("epoch")
        w.int(moment.epoch)
        if let time = moment.time {
            w.key("at")
            w.int64(time)
            w.key("atTime")
            w.spacedTime(time)
        }
    }

    /// Clock mode's extra keys: `"agentRenameTimes"`, `"lastAuditChangeAt"` (the latest change of
    /// any listed conversation, null if none) and, with `details`, `"conversations"`.
    func clockDetails(details: Bool, _ w: inout JSONWriter) {
        w.key("agentRenameTimes")
        w.beginArray()
        for time in renameTimes { w.int64(time) }
        w.endArray()
        w.key("lastAuditChangeAt")
        if let last = conversations.compactMap(\.auditChangedAt).max() { w.int64(last) } else { w.null() }
        guard details else { return }
        w.key("conversations")
        w.beginArray()
        for conversation in conversations { conversation.write(into: &w) }
        w.endArray()
    }
}

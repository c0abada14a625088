extension MockDataset {
    /// A conversation's audit history in clock mode.
    func schedule(_ record: ConversationRecord, stream: StreamIndex) -> AuditSchedule {
        AuditSchedule.draw(
            configuration.auditLag, seed: configuration.seed, streamKey: stream.streamKey, record: record)
    }

    /// The agent rename steps that happened by a moment (the epoch itself in epoch mode).
    func renameSteps(_ moment: MockMoment) -> Int {
        switch moment {
        case .epoch(let epoch):
            epoch
        case .clock(let time):
            directory.renameSteps(
                at: time, origin: configuration.start, interval: configuration.auditLag.agentRenameIntervalSeconds)
        }
    }

    /// The times of the agent renames at or before a simulated time.
    func renameTimes(through time: Int64) -> [Int64] {
        directory.renameTimes(
            through: time, origin: configuration.start, interval: configuration.auditLag.agentRenameIntervalSeconds)
    }

    /// Whether a conversation exists at a simulated time: once it has ended (its end second, or its
    /// start second when it has no duration, is at or before `time`).
    func exists(_ index: StreamIndex, position: Int, at time: Int64) -> Bool {
        let header = index.headers[position]
        guard header.startSecond > time - Self.longestConversationSeconds else { return header.startSecond <= time }
        return endSecond(record(index, position: position)) <= time
    }

    /// The second a conversation ends (its start second when it has no duration).
    func endSecond(_ record: ConversationRecord) -> Int64 {
        UTCTime.floorDiv(record.endMs ?? record.header.startMs, 1000)
    }

    /// Longer than any generated conversation (at most 1,200 s), so older starts need no record.
    static let longestConversationSeconds: Int64 = 3_600
}

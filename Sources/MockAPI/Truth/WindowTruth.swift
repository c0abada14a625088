/// Ground truth for a window of one stream at one epoch or simulated time, computed from the
/// canonical model (not from the served JSON): what a correct loader must end up with. In clock
/// mode it also lists each conversation's audit fields and change times (`conversations`).
struct WindowTruth {
    var ids: [String] = []
    var byDurationStatus: [String: Int] = ["evaluated": 0, "below_threshold": 0, "duration_unavailable": 0, "null": 0]
    var byDirection: [String: Int] = ["inbound": 0, "outbound": 0]
    var directionDefaulted = 0
    var byAuditStatus: [String: Int] = Dictionary(uniqueKeysWithValues: AuditStatus.allCases.map { ($0.rawValue, 0) })
    var metricEntries = 0
    var metricEntriesWithoutId = 0
    var agentLinks = 0
    var queueLinks = 0
    var agentIds: Set<String> = []
    var queueIds: Set<String> = []
    var metricIds: Set<String> = []
    var evaluationScoreSum = 0
    var evaluationScoreCount = 0
    var auditScoreSum = 0
    var auditScoreCount = 0
    var fatalErrors = 0
    var withoutStartTime = 0
    var withoutDuration = 0
    var perDay: [String: Int] = [:]
    /// Ids the faults in force serve without their id key (`missingIdEvery`).
    var servedWithoutId: [String] = []
    /// Clock mode: each conversation's audit truth at the time, by id.
    var conversations: [ConversationAuditTruth] = []
    /// Clock mode: the agent rename times at or before the time.
    var renameTimes: [Int64] = []

    init(
        dataset: MockDataset, index: StreamIndex, from: Int64, to: Int64, filter: RecordFilter, moment: MockMoment,
        faults: FaultConfiguration = FaultConfiguration()
    ) {
        for position in dataset.matches(index, from: from, to: to, filter: filter, moment: moment) {
            let record = dataset.record(index, position: position)
            if let time = moment.time {
                let schedule = dataset.schedule(record, stream: index)
                let truth = ConversationAuditTruth(
                    record, schedule: schedule, end: dataset.endSecond(record), at: time)
                conversations.append(truth)
                add(record, audit: schedule.state(at: time), directory: dataset.directory)
            } else {
                add(record, audit: dataset.audit(record, stream: index, moment: moment), directory: dataset.directory)
            }
            if faults.servesWithoutId(position: position) { servedWithoutId.append(record.id) }
        }
        ids.sort()
        servedWithoutId.sort()
        conversations.sort { $0.id < $1.id }
        if let time = moment.time { renameTimes = dataset.renameTimes(through: time) }
    }

    private mutating func add(_ record: ConversationRecord, audit: AuditState, directory: AgentDirectory) {
        ids.append(record.id)
        byDurationStatus[record.header.durationStatus?.rawValue ?? "null", default: 0] += 1
        byDirection[record.header.direction.rawValue, default: 0] += 1
        if record.header.isDirectionDefaulted { directionDefaulted += 1 }
        byAuditStatus[audit.status.rawValue, default: 0] += 1
        metricEntries += record.metrics.count
        for entry in record.metrics {
            if entry.hasId { metricIds.insert(directory.metricIds[entry.metric]) } else { metricEntriesWithoutId += 1 }
        }
        agentLinks += record.agents.count
        queueLinks += record.queues.count
        for link in record.agents { agentIds.insert(directory.agentIds[link.agent]) }
        for queue in record.queues { queueIds.insert(directory.queueIds[queue]) }
        if let score = record.score {
            evaluationScoreSum += score
            evaluationScoreCount += 1
        }
        if let score = audit.score {
            auditScoreSum += score
            auditScoreCount += 1
        }
        fatalErrors += record.fatalErrorCount
        if record.style.omitTimes { withoutStartTime += 1 }
        if record.style.omitTimes || record.durationMs == nil { withoutDuration += 1 }
        perDay[UTCTime.date(record.header.startSecond), default: 0] += 1
    }

    /// The JSON answer; `details` false leaves out clock mode's `conversations` list.
    func json(stream: String, from: Int64, to: Int64, filter: RecordFilter, moment: MockMoment, details: Bool = true)
        -> [UInt8]
    {
        var w = JSONWriter(capacity: 1_024 + ids.count * (details && moment.time != nil ? 300 : 42))
        w.beginObject()
        w.key("stream")
        w.string(stream)
        w.key("from")
        w.spacedTime(from)
        w.key("to")
        w.spacedTime(to)
        Self.moment(moment, &w)
        w.key("includeBelowThreshold")
        w.bool(filter.includeBelowThreshold)
        w.key("conversationCount")
        w.int(ids.count)
        w.key("ids")
        Self.strings(ids, &w)
        for (key, counts) in [
            ("byDurationStatus", byDurationStatus), ("byDirection", byDirection), ("byAuditStatus", byAuditStatus),
            ("perDay", perDay),
        ] {
            w.key(text: key)
            Self.counts(counts, &w)
        }
        let numbers: [(String, Int)] = [
            ("directionDefaulted", directionDefaulted), ("metricEntryCount", metricEntries),
            ("metricEntriesWithoutId", metricEntriesWithoutId), ("agentLinkCount", agentLinks),
            ("queueLinkCount", queueLinks), ("fatalErrorCount", fatalErrors), ("withoutStartTime", withoutStartTime),
            ("withoutDuration", withoutDuration),
        ]
        for (key, value) in numbers {
            w.key(text: key)
            w.int(value)
        }
        w.key("distinctAgentIds")
        Self.strings(agentIds.sorted(), &w)
        w.key("distinctQueueIds")
        Self.strings(queueIds.sorted(), &w)
        w.key("distinctMetricIds")
        Self.strings(metricIds.sorted(), &w)
        w.key("servedWithoutId")
        Self.strings(servedWithoutId, &w)
        for (key, sum, count) in [
            ("evaluationScore", evaluationScoreSum, evaluationScoreCount),
            ("auditScore", auditScoreSum, auditScoreCount),
        ] {
            w.key(text: key)
            w.beginObject()
            w.key("sum")
            w.int(sum)
            w.key("count")
            w.int(count)
            w.endObject()
        }
        if moment.time != nil { clockDetails(details: details, &w) }
        w.endObject()
        return w.bytes
    }

    private static func strings(_ values: [String], _ w: inout JSONWriter) {
        w.beginArray()
        for value in values { w.string(value) }
        w.endArray()
    }

    private static func counts(_ counts: [String: Int], _ w: inout JSONWriter) {
        w.beginObject()
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
            w.key(text: key)
            w.int(count)
        }
        w.endObject()
    }
}

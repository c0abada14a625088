import Foundation

/// `GET /mock/truth`: the aggregates of one stream's window at one epoch.
public struct WindowTruthReport: Decodable, Sendable {
    public struct SumCount: Decodable, Sendable, Equatable {
        public var sum: Int
        public var count: Int

        public init(sum: Int, count: Int) {
            self.sum = sum
            self.count = count
        }
    }

    public var conversationCount: Int
    public var ids: [String]
    public var byDurationStatus: [String: Int]
    public var byDirection: [String: Int]
    public var byAuditStatus: [String: Int]
    /// Conversations per UTC date of their start second (the `filterTime` of the conversation truth).
    public var perDay: [String: Int]
    public var metricEntryCount: Int
    /// The sum of the records' `fatalErrorCount`.
    public var fatalErrorCount: Int
    public var metricEntriesWithoutId: Int
    public var agentLinkCount: Int
    public var queueLinkCount: Int
    public var withoutStartTime: Int
    public var distinctAgentIds: [String]
    public var distinctQueueIds: [String]
    public var distinctMetricIds: [String]
    public var evaluationScore: SumCount
    public var auditScore: SumCount
    /// Ids the faults in force serve without their id key.
    public var servedWithoutId: [String]
}

import TestSupport

/// The parts of the mock's ground truth for one window (`GET /mock/truth`) that the analytics
/// tests compare with: what a correct loader holds.
struct WindowTruth: Sendable {
    var ids: [String]
    var conversations: Int
    var withoutStartTime: Int
    var evaluationScoreSum: Int
    var evaluationScoreCount: Int
    var auditScoreSum: Int
    var auditScoreCount: Int
    var fatalErrors: Int
    var byAuditStatus: [String: Int]
    var byDurationStatus: [String: Int]

    init(_ report: WindowTruthReport) {
        ids = report.ids
        conversations = report.conversationCount
        withoutStartTime = report.withoutStartTime
        (evaluationScoreSum, evaluationScoreCount) = (report.evaluationScore.sum, report.evaluationScore.count)
        (auditScoreSum, auditScoreCount) = (report.auditScore.sum, report.auditScore.count)
        fatalErrors = report.fatalErrorCount
        byAuditStatus = report.byAuditStatus
        byDurationStatus = report.byDurationStatus
    }
}

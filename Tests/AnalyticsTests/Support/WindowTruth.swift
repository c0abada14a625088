/// The mock's ground truth for one window (`GET /mock/truth`): what a correct loader holds.
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

    init(_ object: [String: Any]) {
        func number(_ key: String) -> Int { object[key] as? Int ?? -1 }
        func pair(_ key: String) -> (sum: Int, count: Int) {
            let nested = object[key] as? [String: Any]
            return (nested?["sum"] as? Int ?? -1, nested?["count"] as? Int ?? -1)
        }
        ids = object["ids"] as? [String] ?? []
        conversations = number("conversationCount")
        withoutStartTime = number("withoutStartTime")
        (evaluationScoreSum, evaluationScoreCount) = pair("evaluationScore")
        (auditScoreSum, auditScoreCount) = pair("auditScore")
        fatalErrors = number("fatalErrorCount")
        byAuditStatus = object["byAuditStatus"] as? [String: Int] ?? [:]
        byDurationStatus = object["byDurationStatus"] as? [String: Int] ?? [:]
    }
}

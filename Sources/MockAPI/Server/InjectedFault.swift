/// A fault injected into one raw data request, named as `/mock/stats` counts it.
enum InjectedFault: String, Sendable, CaseIterable {
    case droppedConnection
    case rateLimited
    case rateLimitExceeded
    case rateLimitBody
    case serverError
    case htmlError
    case truncatedBody
    case stuckPage
    case delayed
}

/// The verdict for one raw data request, taken when it arrives.
struct Admission: Sendable {
    /// 1-based number of the request since faults were last set or stats reset.
    var number: Int
    var moment: MockMoment
    var faults: FaultConfiguration
    var fault: InjectedFault?
    /// For `rateLimitExceeded`: seconds until the window has room again.
    var retryAfterSeconds: Int
}

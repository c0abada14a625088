extension Conversation {
    /// One evaluation metric entry of a conversation.
    public struct Metric: Sendable, Hashable {
        /// The metric id; nil for the entries the vendor sends without one.
        public var metricId: String?
        public var metricName: String?
        public var weight: DecimalText?
        public var negativeWeight: DecimalText?
        /// `YES`, `NO`, `NA` or `-` verbatim (trimmed); nil when absent or null.
        public var qualification: String?
        public var isFatalError: Bool?
        public var auditorResponse: String?
        /// The JSON text of `triggerJustification` (or `justification` when that is absent).
        public var justification: String?

        public init(
            metricId: String? = nil, metricName: String? = nil, weight: DecimalText? = nil,
            negativeWeight: DecimalText? = nil, qualification: String? = nil, isFatalError: Bool? = nil,
            auditorResponse: String? = nil, justification: String? = nil
        ) {
            self.metricId = metricId
            self.metricName = metricName
            self.weight = weight
            self.negativeWeight = negativeWeight
            self.qualification = qualification
            self.isFatalError = isFatalError
            self.auditorResponse = auditorResponse
            self.justification = justification
        }
    }
}

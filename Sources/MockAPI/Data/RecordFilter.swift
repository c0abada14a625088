/// The body filters of a raw data request.
struct RecordFilter: Sendable {
    /// Below-threshold contacts are left out unless this is true.
    var includeBelowThreshold = false
    var direction: Direction?
    /// Every given key must be present with exactly the given value.
    var customFields: [CustomField] = []

    /// Whether a header alone decides (no custom-field filter needs the full record).
    var needsRecord: Bool { !customFields.isEmpty }

    func accepts(_ header: ConversationHeader) -> Bool {
        if !includeBelowThreshold, header.durationStatus == .belowThreshold { return false }
        if let direction, header.direction != direction { return false }
        return true
    }

    func accepts(_ record: ConversationRecord) -> Bool {
        guard accepts(record.header) else { return false }
        return customFields.allSatisfy { wanted in
            record.customFields.contains { $0.key == wanted.key && $0.value == wanted.value }
        }
    }
}

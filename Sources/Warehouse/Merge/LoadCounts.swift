/// What loading one batch did.
public struct LoadCounts: Sendable, Hashable {
    /// Conversations in the batch after de-duplication by id.
    public var staged = 0
    /// New conversations.
    public var inserted = 0
    /// Conversations whose content changed and were rewritten.
    public var updated = 0
    /// Conversations whose content was unchanged (nothing written).
    public var unchanged = 0
    /// Changed conversations whose audit fields changed (history rows appended).
    public var auditChanges = 0

    public init() {}

    public static func + (lhs: LoadCounts, rhs: LoadCounts) -> LoadCounts {
        var sum = lhs
        sum.staged += rhs.staged
        sum.inserted += rhs.inserted
        sum.updated += rhs.updated
        sum.unchanged += rhs.unchanged
        sum.auditChanges += rhs.auditChanges
        return sum
    }
}

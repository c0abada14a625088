import Postgres
import QualityAI

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

/// Loads batches of conversations into the star schema: COPY into session staging tables, then
/// the set-based merge. Call `load` inside the caller's transaction, so the batch commits
/// together with its checkpoint.
public struct BatchLoader: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// Loads `conversations` of `streamId`; duplicates by id keep the last occurrence. Must run
    /// inside a transaction on `connection`.
    public func load(
        _ conversations: [Conversation], streamId: String, runId: Int64, on connection: isolated Connection
    ) throws -> LoadCounts {
        try connection.execute(Query(unsafeSQL: "SET LOCAL search_path TO \(schema.quoted), pg_catalog"))
        try connection.executeScript(unsafeSQL: StagingTables.create, name: "create staging tables")
        try connection.execute(Query(unsafeSQL: StagingTables.truncate, name: "truncate staging"))
        let unique = Self.uniqueById(conversations)
        CrashPoint.reach("before-copy")
        try StagingWriter.copy(unique, streamId: streamId, on: connection)
        CrashPoint.reach("before-merge")
        for (index, statement) in MergeStatements.insertDimensions.enumerated() {
            try connection.execute(Query(unsafeSQL: statement, name: "insert new dimension keys \(index + 1)"))
        }
        try connection.execute(Query(unsafeSQL: MergeStatements.findChanged, name: "find changed conversations"))
        let counted = try connection.execute(
            Query(
                unsafeSQL: """
                    SELECT count(*) FILTER (WHERE is_new) AS inserted, count(*) FILTER (WHERE NOT is_new) AS updated,
                        count(*) FILTER (WHERE audit_changed AND NOT is_new) AS audit_changes FROM stg_changed
                    """, name: "count changes"))
        var counts = LoadCounts()
        counts.staged = unique.count
        counts.inserted = try counted.first?.decode("inserted", as: Int.self) ?? 0
        counts.updated = try counted.first?.decode("updated", as: Int.self) ?? 0
        counts.auditChanges = try counted.first?.decode("audit_changes", as: Int.self) ?? 0
        counts.unchanged = counts.staged - counts.inserted - counts.updated
        if counts.inserted + counts.updated > 0 {
            try mergeChanged(runId: runId, on: connection)
        }
        for (index, statement) in MergeStatements.updateDimensions.enumerated() {
            try connection.execute(Query(unsafeSQL: statement, name: "update dimension rows \(index + 1)"))
        }
        return counts
    }

    /// Upserts the changed conversations' facts, replaces their child rows and appends audit history.
    private func mergeChanged(runId: Int64, on connection: isolated Connection) throws {
        let run = String(runId)
        try connection.execute(Query(unsafeSQL: MergeStatements.upsertFacts, binds: [run], name: "upsert facts"))
        for (index, statement) in MergeStatements.replaceChildren.enumerated() {
            CrashPoint.reach("mid-merge")
            try connection.execute(Query(unsafeSQL: statement, name: "replace child rows \(index + 1)"))
        }
        try connection.execute(
            Query(unsafeSQL: MergeStatements.appendAuditHistory, binds: [run], name: "append audit history"))
    }

    /// The batch with one entry per conversation id, the last occurrence winning, in first-seen order.
    static func uniqueById(_ conversations: [Conversation]) -> [Conversation] {
        var position: [String: Int] = [:]
        var unique: [Conversation] = []
        unique.reserveCapacity(conversations.count)
        for conversation in conversations {
            if let index = position[conversation.conversationId] {
                unique[index] = conversation
            } else {
                position[conversation.conversationId] = unique.count
                unique.append(conversation)
            }
        }
        return unique
    }
}

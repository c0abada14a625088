import Postgres
import QualityAI

/// Loads batches of conversations into the star schema: COPY of every conversation's id, content
/// hash and audit fields, then COPY of the whole records of the new and changed ones only into
/// session staging tables (`StagingTables`), then the set-based merge (the files of `sql/load/`,
/// `LoadSQL`). Call `load` inside the caller's transaction, so the batch commits together with
/// its checkpoint. It lives with the merge: it is the transaction step that ends in the merge,
/// and it calls the normalise and stage steps on the way.
public struct BatchLoader: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// Loads `conversations` of `streamId`; duplicates by id keep the last occurrence. Must run
    /// inside a transaction on `connection` (the staging tables empty themselves at its end).
    /// Audit history rows are observed at `observedAt` (epoch seconds; nil: the database's `now()`);
    /// `windowStarts` gives the API window each conversation was fetched in (by id, epoch seconds).
    public func load(
        _ conversations: [Conversation], streamId: String, runId: Int64, observedAt: Double? = nil,
        windowStarts: [String: Int64] = [:], on connection: isolated Connection
    ) throws -> LoadCounts {
        // The schema is the one part of the load SQL chosen at run time, so it is set here and the
        // files of sql/load never name it; temporary staging tables resolve first (pg_temp).
        try connection.execute("SET LOCAL search_path TO \(identifier: schema), pg_catalog")
        // Built from the staging table descriptions (Stage/StagingTables.swift): fixed text, shown
        // in Tests/WarehouseTests/Fixtures/load-sql.golden.
        try connection.executeScript(unsafeSQL: StagingTables.create, name: "create staging tables")
        let leftover = try connection.execute(Query(unsafeSQL: StagingTables.holdsRows, name: "staging in use"))
        if try leftover.first?.decode("present", as: Bool.self) == true {
            try connection.execute(Query(unsafeSQL: StagingTables.truncate, name: "truncate staging"))
        }
        let unique = Self.uniqueById(conversations)
        let hashes = unique.map { ContentHash.byteaLiteral(raw: $0.raw, streamId: streamId) }
        CrashPoint.beforeCopy.reach()
        try StagingWriter.copyKeys(unique, hashes: hashes, on: connection)
        try run(LoadSQL.findChanged, on: connection)
        let changed = try connection.execute(
            Query("SELECT conversation_id, is_new, audit_changed FROM stg_changed", name: "read changes"))
        var counts = LoadCounts()
        var changedIds = Set<String>()
        for row in changed {
            guard let id = try row.decode("conversation_id", as: String.self) else { continue }
            changedIds.insert(id)
            if try row.decode("is_new", as: Bool.self) == true {
                counts.inserted += 1
            } else {
                counts.updated += 1
                if try row.decode("audit_changed", as: Bool.self) == true { counts.auditChanges += 1 }
            }
        }
        counts.staged = unique.count
        counts.unchanged = counts.staged - counts.inserted - counts.updated
        // An unchanged conversation's rows and dimension observations are already in the warehouse.
        guard !changedIds.isEmpty else { return counts }
        let rewrite = unique.indices.filter { changedIds.contains(unique[$0].conversationId) }
        try StagingWriter.copy(
            rewrite.map { unique[$0] }, hashes: rewrite.map { hashes[$0] }, streamId: streamId,
            windowStarts: windowStarts, on: connection)
        CrashPoint.beforeMerge.reach()
        for statement in LoadSQL.insertDimensions { try run(statement, on: connection) }
        try mergeChanged(runId: runId, observedAt: observedAt, on: connection)
        for statement in LoadSQL.updateDimensions { try run(statement, on: connection) }
        return counts
    }

    /// Upserts the changed conversations' facts, replaces their child rows and appends audit history.
    private func mergeChanged(runId: Int64, observedAt: Double?, on connection: isolated Connection) throws {
        let run = String(runId)
        try self.run(LoadSQL.upsertFacts, binds: [run], on: connection)
        for statement in LoadSQL.replaceChildren {
            CrashPoint.midMerge.reach()
            try self.run(statement, on: connection)
        }
        try self.run(LoadSQL.appendAuditHistory, binds: [run, observedAt.map { String($0) }], on: connection)
    }

    /// Runs one file of `sql/load/`, named after it in errors and logs.
    private func run(_ statement: LoadStatement, binds: [String?] = [], on connection: isolated Connection) throws {
        // The text of an embedded sql/load file (LoadSQL), parameters bound.
        try connection.execute(Query(unsafeSQL: statement.sql, binds: binds, name: statement.path))
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

/// One statement of the batch's merge: a file under `sql/load/`, embedded in the binary at build
/// time. The SQL never names the schema; the batch transaction sets `search_path` before running
/// it (the staging tables are temporary, and `pg_temp` is searched first).
struct LoadStatement: Sendable, Hashable {
    /// The file's path relative to `sql/`, e.g. `load/01_find_changed.sql`; also the statement's
    /// name in errors and logs.
    let path: String
    /// The file's SQL.
    let sql: String

    /// The embedded file `sql/load/<file>`.
    init(_ file: String) {
        path = "load/" + file
        guard let sql = EmbeddedSQL.files[path] else {
            preconditionFailure("sql/\(path) is not embedded in this binary")
        }
        self.sql = sql
    }
}

/// The files of `sql/load/`, grouped as `BatchLoader` runs them: new dimension keys, the changed
/// conversations, their child rows and audit history, and last the changed attributes of
/// existing dimension rows. Every statement writes only rows whose content differs, so an
/// unchanged batch writes nothing. `$1` is the run id where a statement takes one.
enum LoadSQL {
    /// Creates `stg_changed` (with the other staging tables).
    static let createChanged = LoadStatement("00_create_stg_changed.sql")

    /// Fills `stg_changed` from `stg_key`, before anything is written.
    static let findChanged = LoadStatement("01_find_changed.sql")

    /// Run before the facts: the batch's new dimension keys, so every fact row finds its key.
    static let insertDimensions = [
        "02_insert_dim_agent.sql", "03_insert_dim_queue.sql", "04_insert_dim_metric.sql", "05_insert_dim_intent.sql",
    ].map(LoadStatement.init)

    /// Upserts the changed conversations' facts (`$1`: run id).
    static let upsertFacts = LoadStatement("06_merge_fact_conversation.sql")

    /// Replaces the child rows of changed conversations: every delete, then every insert.
    static let replaceChildren = [
        "07_delete_fact_metric.sql", "08_delete_bridge_conversation_agent.sql",
        "09_delete_bridge_conversation_queue.sql", "10_delete_fact_conversation_intent.sql",
        "11_delete_fact_voice_analytics.sql", "12_insert_fact_metric.sql", "13_insert_bridge_conversation_agent.sql",
        "14_insert_bridge_conversation_queue.sql", "15_insert_fact_conversation_intent.sql",
        "16_insert_fact_voice_analytics.sql",
    ].map(LoadStatement.init)

    /// Appends audit history (`$1`: run id, `$2`: observation time in epoch seconds or NULL).
    static let appendAuditHistory = LoadStatement("17_append_fact_audit_history.sql")

    /// Run last, just before the checkpoint: current names and emails and first/last seen of the
    /// existing dimension rows the batch observed. Their row locks are held only until the commit.
    static let updateDimensions = [
        "18_update_dim_agent.sql", "19_update_dim_queue.sql", "20_update_dim_metric.sql",
        "21_update_dim_intent.sql",
    ].map(LoadStatement.init)

    /// Every statement in the order a batch with changes runs them (`findChanged` first; a batch
    /// without changes stops after it).
    static let runOrder: [LoadStatement] =
        [createChanged, findChanged] + insertDimensions + [upsertFacts] + replaceChildren + [appendAuditHistory]
        + updateDimensions
}

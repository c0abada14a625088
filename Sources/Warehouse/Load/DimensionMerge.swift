/// How one dimension is merged from its staging table: its table, natural key, current
/// attributes (each with the conversation start of the record it came from, in
/// `<attribute>_seen_at`), flags that hold only while every observation has them, and the staging
/// table it comes from. The stored value of an attribute is the one from the record with the
/// latest conversation start (a start counting as later than none), so it does not depend on the
/// order batches commit in or on how a run was split; only records with the same start tie, and
/// those go to the greatest value within a batch and to the later load across batches.
struct DimensionMerge {
    var table: String
    var key: String
    var attributes: [String]
    var flags: [String] = []
    var source: String
    var sourceKey: String

    private var columns: [String] { attributes.flatMap { [$0, "\($0)_seen_at"] } + flags }

    /// Per natural key in the batch: each attribute's non-NULL value from the newest
    /// conversation (ties: the greatest value) and that conversation's start, each flag's AND
    /// over all observations, and the first and last conversation start.
    var observed: String {
        let picks =
            attributes.map { attribute in
                "(array_agg(s.\(attribute) ORDER BY c.conversation_start DESC NULLS LAST, s.\(attribute) DESC) "
                    + "FILTER (WHERE s.\(attribute) IS NOT NULL))[1] AS \(attribute),\n    "
                    + "max(c.conversation_start) FILTER (WHERE s.\(attribute) IS NOT NULL) AS \(attribute)_seen_at"
            } + flags.map { "bool_and(s.\($0)) AS \($0)" }
        return """
            SELECT s.\(sourceKey) AS nk, \(picks.joined(separator: ",\n    ")),
                min(c.conversation_start) AS first_seen_at, max(c.conversation_start) AS last_seen_at
            FROM \(source) s JOIN stg_conversation c USING (conversation_id)
            """
    }

    /// Inserts the keys the table does not hold yet; existing rows are neither written nor locked.
    var insertNew: String {
        let columnList = columns.joined(separator: ", ")
        return """
            INSERT INTO \(table) (\(key), \(columnList), first_seen_at, last_seen_at)
            SELECT nk, \(columnList), first_seen_at, last_seen_at FROM (
            \(observed)
            WHERE NOT EXISTS (SELECT 1 FROM \(table) d WHERE d.\(key) = s.\(sourceKey))
            GROUP BY s.\(sourceKey)) n
            ORDER BY nk
            ON CONFLICT (\(key)) DO NOTHING;
            """
    }

    /// The new value of each column for stored row `d` and the batch's observation of it, read
    /// through `n` (the observation's columns have the table's names): an attribute (and its time)
    /// is replaced by one from a conversation that started at the same time or later, a start
    /// time counting as later than none; a flag stays true only if the batch's is.
    private func assignments(from n: String) -> [(column: String, value: String)] {
        attributes.flatMap { attribute in
            let newer =
                "\(n).\(attribute) IS NOT NULL AND (d.\(attribute) IS NULL OR "
                + "coalesce(\(n).\(attribute)_seen_at, '-infinity') >= coalesce(d.\(attribute)_seen_at, '-infinity'))"
            return [
                (attribute, "CASE WHEN \(newer) THEN \(n).\(attribute) ELSE d.\(attribute) END"),
                (
                    "\(attribute)_seen_at",
                    "CASE WHEN \(newer) THEN \(n).\(attribute)_seen_at ELSE d.\(attribute)_seen_at END"
                ),
            ]
        } + flags.map { ($0, "d.\($0) AND \(n).\($0)") } + [
            ("first_seen_at", "LEAST(d.first_seen_at, \(n).first_seen_at)"),
            ("last_seen_at", "GREATEST(d.last_seen_at, \(n).last_seen_at)"),
        ]
    }

    /// Whether stored row `d` changes with the observation read through `n`.
    private func changes(from n: String) -> String {
        assignments(from: n).map { "d.\($0.column) IS DISTINCT FROM (\($0.value))" }.joined(separator: "\n        OR ")
    }

    /// Moves the rows whose attributes, flags or first/last seen the batch changes; rows that
    /// would not change are neither written nor locked. An upsert of the changed rows in key order
    /// rather than an `UPDATE ... FROM`: the conflicting rows are locked in key order, so two
    /// loaders updating the same rows wait for each other instead of deadlocking, and the same
    /// statement runs on Citus, where a dimension is a reference table that an `UPDATE` joined with
    /// the batch's temporary tables cannot change. The `WHERE` of `DO UPDATE` checks again against
    /// the row as locked.
    var updateChanged: String {
        let columnList = [key] + columns + ["first_seen_at", "last_seen_at"]
        let set = assignments(from: "excluded").map { "\($0.column) = \($0.value)" }.joined(separator: ",\n        ")
        return """
            INSERT INTO \(table) AS d (\(columnList.joined(separator: ", ")))
            SELECT n.nk, \(columnList.dropFirst().map { "n.\($0)" }.joined(separator: ", ")) FROM (
            \(observed)
            GROUP BY s.\(sourceKey)) n
            JOIN \(table) d ON d.\(key) = n.nk
            WHERE \(changes(from: "n"))
            ORDER BY n.nk
            ON CONFLICT (\(key)) DO UPDATE SET
                \(set)
            WHERE \(changes(from: "excluded"));
            """
    }
}

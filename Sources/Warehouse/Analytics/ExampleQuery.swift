/// One example query of `sql/queries/` (embedded in the binary): written for SQL users against the
/// views, with unqualified names, so it runs after `SET search_path TO <schema>`. Its first line
/// is a comment that asks the question it answers.
public struct ExampleQuery: Sendable, Hashable {
    /// The file name, e.g. `10_daily_quality_trend.sql`.
    public let name: String
    /// The file's text, comments included.
    public let sql: String

    /// The question of the first comment line, without `-- `.
    public var title: String {
        let first = sql.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? name
        return first.hasPrefix("-- ") ? String(first.dropFirst(3)) : name
    }

    /// Every file of `sql/queries/`, in name order.
    public static let embedded: [ExampleQuery] = EmbeddedSQL.files.compactMap { path, sql in
        guard path.hasPrefix("queries/"), path.hasSuffix(".sql") else { return nil }
        return ExampleQuery(name: String(path.dropFirst("queries/".count)), sql: sql)
    }
    .sorted { $0.name < $1.name }

    /// The embedded query of that file name.
    public static func named(_ name: String) -> ExampleQuery? {
        embedded.first { $0.name == name }
    }
}

/// One repeatable script: a file `sql/repeatable/NAME.sql` holding views, functions or comments,
/// written with `CREATE OR REPLACE` so it can run again. `migrate` runs it after the numbered
/// migrations whenever its text differs from the text it last ran there (`schema_repeatables`),
/// so a view's body or a comment is fixed in place instead of in a new migration. Embedded in the
/// binary at build time; like a migration, the SQL never names the schema.
public struct Repeatable: Sendable, Hashable {
    /// The file name, e.g. `views_daily.sql`; scripts run in the order of their names.
    public let name: String
    /// The file's SQL.
    public let sql: String

    /// The repeatable scripts compiled into this binary, in name order.
    public static let embedded: [Repeatable] = parse(EmbeddedSQL.files)

    /// Builds repeatable scripts from `path -> sql` pairs, keeping files directly under `repeatable/`.
    static func parse(_ files: [String: String]) -> [Repeatable] {
        files.compactMap { path, sql in
            guard path.hasPrefix("repeatable/"), path.hasSuffix(".sql") else { return nil }
            let name = String(path.dropFirst("repeatable/".count))
            return name.contains("/") ? nil : Repeatable(name: name, sql: sql)
        }
        .sorted { $0.name < $1.name }
    }
}

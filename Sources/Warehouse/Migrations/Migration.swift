/// One schema migration: a file `sql/migrations/NNNN_name.sql`, embedded in the binary at build
/// time. The SQL never names the schema; the migrator sets `search_path` before running it.
public struct Migration: Sendable, Hashable {
    /// The number at the start of the file name.
    public let version: Int
    /// The file name without the number and extension, e.g. `star_schema`.
    public let name: String
    /// The file's SQL.
    public let sql: String

    /// The file name, e.g. `0001_star_schema.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_\(name).sql"
    }

    /// The migrations compiled into this binary, in version order.
    public static let embedded: [Migration] = {
        do {
            return try parse(EmbeddedSQL.files)
        } catch {
            preconditionFailure("the embedded migrations are inconsistent: \(error)")
        }
    }()

    /// Builds migrations from `path -> sql` pairs, keeping files under `migrations/`.
    static func parse(_ files: [String: String]) throws(WarehouseError) -> [Migration] {
        var migrations: [Migration] = []
        for (path, sql) in files where path.hasPrefix("migrations/") {
            let file = path.dropFirst("migrations/".count)
            guard file.hasSuffix(".sql"), let underscore = file.firstIndex(of: "_"),
                let version = Int(file[file.startIndex..<underscore]), version > 0
            else {
                throw WarehouseError(
                    code: .invalidMigration, message: "migration file \(path) is not named NNNN_name.sql",
                    advice: "rename it, e.g. sql/migrations/0002_add_rollups.sql")
            }
            let name = String(file[file.index(after: underscore)...].dropLast(4))
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw WarehouseError(
                code: .invalidMigration,
                message: "two migration files share version \(next.version): \(previous.fileName), \(next.fileName)")
        }
        return migrations
    }
}

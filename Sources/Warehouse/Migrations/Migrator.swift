import Logging
import Postgres

/// Creates or upgrades the warehouse schema from the embedded migrations. Each pending migration
/// runs in its own transaction together with its row in `schema_migrations` (version, checksum);
/// an advisory lock makes concurrent runs wait for each other, so two `migrate`s at once both
/// succeed. Refuses to run when an applied file was edited or the database is newer. After the
/// migrations, every repeatable script (views, functions, comments) whose text differs from the
/// one last run, or that never ran, runs in its own transaction with its row in
/// `schema_repeatables`.
public struct Migrator: Sendable {
    public let schema: Identifier
    public let migrations: [Migration]
    public let repeatables: [Repeatable]

    public init(
        schema: Identifier, migrations: [Migration] = Migration.embedded,
        repeatables: [Repeatable] = Repeatable.embedded
    ) {
        self.schema = schema
        self.migrations = migrations
        self.repeatables = repeatables
    }

    /// What `migrate` did.
    public struct Report: Sendable {
        /// Versions applied by this call, in order.
        public var applied: [Int]
        /// The schema version after the call.
        public var version: Int
        /// Repeatable scripts run by this call (new or changed since they last ran), in order.
        public var reapplied: [String] = []
    }

    /// Applies every pending migration.
    public func migrate(_ connection: Connection, logger: Logger) async throws -> Report {
        let lockKey = "qai-loader:migrate:\(schema.name)"
        try await connection.advisoryLock(lockKey)
        do {
            let report = try await migrateHoldingLock(connection, logger: logger)
            try await connection.advisoryUnlock(lockKey)
            return report
        } catch {
            _ = try? await connection.advisoryUnlock(lockKey)
            throw error
        }
    }

    private func migrateHoldingLock(_ connection: Connection, logger: Logger) async throws -> Report {
        // CREATE SCHEMA needs CREATE on the database even when the schema exists, so the schema's
        // owner without that right (deploy/postgres/two-roles.sql) only runs it for a new schema.
        let present = try await connection.execute(
            "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = \(schema.name)) AS present")
        if try present.first?.decode("present", as: Bool.self) != true {
            try await connection.execute("CREATE SCHEMA IF NOT EXISTS \(identifier: schema)")
        }
        // A script of several statements takes no parameters; the one name in it is quoted.
        let table = schema.qualifying("schema_migrations")
        try await connection.executeScript(
            unsafeSQL: """
                CREATE TABLE IF NOT EXISTS \(table) (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                COMMENT ON TABLE \(table) IS 'Schema migrations applied by qai-loader migrate: one row per sql/migrations file.';
                COMMENT ON COLUMN \(table).version IS 'The NNNN number of the migration file.';
                COMMENT ON COLUMN \(table).name IS 'The migration file name without number and extension.';
                COMMENT ON COLUMN \(table).checksum IS 'md5 of the file text when applied; a later edit of the file is refused.';
                COMMENT ON COLUMN \(table).applied_at IS 'When the migration was applied (UTC).';
                """, name: "create schema_migrations")
        let applied = try await appliedChecksums(connection)
        try verify(applied: applied, allowPending: true)
        var report = Report(applied: [], version: applied.keys.max() ?? 0)
        for migration in migrations where applied[migration.version] == nil {
            let schema = self.schema
            // `excluded.applied_at` (the column's default) rather than now(): Citus refuses functions
            // in the DO UPDATE SET of an INSERT on a distributed (reference) table.
            try await connection.withTransaction { connection in
                try connection.execute("SET LOCAL search_path TO \(identifier: schema), pg_catalog")
                try connection.executeScript(unsafeSQL: migration.sql, name: "migration \(migration.fileName)")
                try connection.execute(
                    """
                    INSERT INTO \(identifier: schema).schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), md5(\(migration.sql)))
                    """)
            }
            logger.info(
                "migration.applied", metadata: ["migration.file": "\(migration.fileName)", "schema": "\(schema.name)"])
            report.applied.append(migration.version)
            report.version = migration.version
        }
        report.reapplied = try await applyRepeatables(connection, logger: logger)
        return report
    }

    /// Runs the repeatable scripts that are new or changed; returns their names.
    private func applyRepeatables(_ connection: Connection, logger: Logger) async throws -> [String] {
        // A script of several statements takes no parameters; the one name in it is quoted.
        let table = schema.qualifying("schema_repeatables")
        try await connection.executeScript(
            unsafeSQL: """
                CREATE TABLE IF NOT EXISTS \(table) (
                    name text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                COMMENT ON TABLE \(table) IS 'Repeatable scripts (sql/repeatable: views, functions, comments) last run by qai-loader migrate: one row per file.';
                COMMENT ON COLUMN \(table).name IS 'The file name under sql/repeatable.';
                COMMENT ON COLUMN \(table).checksum IS 'md5 of the file text when it last ran; migrate runs the file again when its text differs.';
                COMMENT ON COLUMN \(table).applied_at IS 'When the file last ran (UTC).';
                """, name: "create schema_repeatables")
        let current = try await repeatableStates(connection)
        var ran: [String] = []
        for repeatable in repeatables where current[repeatable.name] != true {
            let schema = self.schema
            // `excluded.applied_at` (the column's default) rather than now(): Citus refuses functions
            // in the DO UPDATE SET of an INSERT on a distributed (reference) table.
            try await connection.withTransaction { connection in
                try connection.execute("SET LOCAL search_path TO \(identifier: schema), pg_catalog")
                try connection.executeScript(unsafeSQL: repeatable.sql, name: "repeatable \(repeatable.name)")
                try connection.execute(
                    """
                    INSERT INTO \(identifier: schema).schema_repeatables (name, checksum)
                    VALUES (\(repeatable.name), md5(\(repeatable.sql)))
                    ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = excluded.applied_at
                    """)
            }
            logger.info(
                "repeatable.applied", metadata: ["repeatable.file": "\(repeatable.name)", "schema": "\(schema.name)"])
            ran.append(repeatable.name)
        }
        return ran
    }

    /// Each repeatable script that ran in the schema, with whether the text it ran is this binary's.
    /// Empty when none ever ran (a schema migrated before repeatable scripts existed).
    func repeatableStates(_ connection: Connection) async throws -> [String: Bool] {
        let table = schema.qualifying("schema_repeatables")
        let exists = try await connection.execute("SELECT to_regclass(\(table)) IS NOT NULL AS present")
        guard try exists.first?.decode("present", as: Bool.self) == true else { return [:] }
        var states: [String: Bool] = [:]
        for repeatable in repeatables {
            let same = try await connection.execute(
                Query(
                    "SELECT checksum = md5(\(repeatable.sql)) AS same FROM \(schema, "schema_repeatables") WHERE name = \(repeatable.name)",
                    name: "repeatable checksum"))
            if let row = same.first { states[repeatable.name] = try row.decode("same", as: Bool.self) ?? false }
        }
        return states
    }

    /// Throws unless the database is at exactly the binary's version with unedited migrations and
    /// every repeatable script last ran there with this binary's text (the loader's SQL may call
    /// what they define, e.g. `rollup_lock_key()`).
    public func verifyCurrent(_ connection: Connection) async throws {
        try verify(applied: try await appliedChecksums(connection), allowPending: false)
        let states = try await repeatableStates(connection)
        if let stale = repeatables.first(where: { states[$0.name] != true }) {
            let state = states[stale.name] == nil ? "lacks" : "has another version of"
            throw WarehouseError(
                code: .schemaOutdated,
                message:
                    "schema \(schema.name) \(state) the repeatable script \(stale.name) (views, functions, comments)",
                advice: "run 'qai-loader migrate' with this version first")
        }
    }

    /// Applied versions, each with whether its stored checksum matches the embedded file (the
    /// server computes `md5` of the file text). Empty when the schema was never migrated.
    func appliedChecksums(_ connection: Connection) async throws -> [Int: Bool] {
        let table = schema.qualifying("schema_migrations")
        let exists = try await connection.execute("SELECT to_regclass(\(table)) IS NOT NULL AS present")
        guard try exists.first?.decode("present", as: Bool.self) == true else { return [:] }
        let rows = try await connection.execute("SELECT version FROM \(schema, "schema_migrations")")
        var applied: [Int: Bool] = [:]
        for row in rows {
            guard let version = try row.decode("version", as: Int.self) else { continue }
            guard let migration = migrations.first(where: { $0.version == version }) else {
                applied[version] = false
                continue
            }
            let same = try await connection.execute(
                Query(
                    "SELECT checksum = md5(\(migration.sql)) AS same FROM \(schema, "schema_migrations") WHERE version = \(version)",
                    name: "migration checksum"))
            applied[version] = try same.first?.decode("same", as: Bool.self) ?? false
        }
        return applied
    }

    private func verify(applied: [Int: Bool], allowPending: Bool) throws(WarehouseError) {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        let latest = migrations.last?.version ?? 0
        if let unknown = applied.keys.filter({ known[$0] == nil }).max() {
            throw WarehouseError(
                code: .databaseNewer,
                message: "schema \(schema.name) is at migration \(unknown), newer than this qai-loader "
                    + "(it knows up to \(latest))",
                advice: "upgrade qai-loader to the version that wrote this schema, or use another --schema")
        }
        for (version, matches) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[version], !matches else { continue }
            throw WarehouseError(
                code: .migrationEdited,
                message: "migration \(migration.fileName) was edited after it was applied to schema \(schema.name)",
                advice: "restore the original file and put the change in a new migration (sql/migrations/NNNN_name.sql)"
            )
        }
        if !allowPending, let missing = migrations.first(where: { applied[$0.version] == nil }) {
            throw WarehouseError(
                code: .schemaOutdated,
                message: "schema \(schema.name) lacks migration \(missing.fileName)",
                advice: "run 'qai-loader migrate' first")
        }
    }
}

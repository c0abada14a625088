import Postgres

/// What the loader wrote to the warehouse's tables, seen from the observer connection in two
/// independent ways:
/// - the statistics collector's `n_tup_ins/upd/del` per table. PostgreSQL 15 has no
///   `pg_stat_force_next_flush()`; a backend flushes its counts at the latest when it exits, and
///   the loader closes its connection at the end of a run. So a reading waits until no other
///   backend is connected to the test's database and three readings 100 ms apart agree.
/// - a fingerprint of every row version (`ctid`, `xmin`): any insert, update or delete changes it.
struct WriteProbe: Sendable, Equatable {
    struct Counts: Sendable, Equatable {
        var inserted: Int
        var updated: Int
        var deleted: Int
    }

    /// Per table: the statistics' cumulative counts.
    var counts: [String: Counts]
    /// Per table: row count and a digest of all row versions.
    var versions: [String: String]

    /// Facts, bridges and dimensions: every table but the loader's bookkeeping (`etl_*`, which a
    /// run always writes) and the migrator's `schema_migrations`.
    static func isData(_ table: String) -> Bool {
        !table.hasPrefix("etl_") && table != "schema_migrations"
    }

    /// Reads the probe once the statistics have settled: no other client is connected to the
    /// database and three readings 100 ms apart agree.
    static func settled(on connection: Connection) async throws -> WriteProbe {
        var readings: [[String: Counts]] = []
        for _ in 0..<300 {
            let others = try await connection.execute(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """
            ).first?.decode(0, as: Int.self)
            if others == 0 {
                readings.append(try await readCounts(on: connection))
                let last = readings.suffix(3)
                if last.count == 3, let first = last.first, last.allSatisfy({ $0 == first }) {
                    return WriteProbe(counts: first, versions: try await readVersions(on: connection))
                }
            } else {
                readings = []
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SyncTestError("the table statistics did not settle within 30 s")
    }

    private static func readCounts(on connection: Connection) async throws -> [String: Counts] {
        _ = try await connection.execute("SELECT pg_stat_clear_snapshot()")
        let rows = try await connection.execute(
            "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE schemaname = 'qai'")
        var counts: [String: Counts] = [:]
        for row in rows {
            counts[row[0] ?? ""] = Counts(
                inserted: try row.decode(1) ?? -1, updated: try row.decode(2) ?? -1, deleted: try row.decode(3) ?? -1)
        }
        return counts
    }

    private static func readVersions(on connection: Connection) async throws -> [String: String] {
        let tables = try await connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'qai'"
        ).compactMap { $0[0] }.filter(isData)
        var versions: [String: String] = [:]
        for table in tables {
            let identifier = try Identifier(table)
            let row = try await connection.execute(
                Query(
                    unsafeSQL: """
                        SELECT count(*) || ':' || coalesce(md5(string_agg(ctid::text || '/' || xmin::text, ',' ORDER BY ctid)), '')
                        FROM qai.\(identifier.quoted)
                        """)
            ).first
            versions[table] = row?[0] ?? ""
        }
        return versions
    }

    /// Per data table, the rows written between `earlier` and this probe (tables with writes only).
    func dataWrites(since earlier: WriteProbe) -> [String: Counts] {
        var writes: [String: Counts] = [:]
        for (table, now) in counts where Self.isData(table) {
            let before = earlier.counts[table] ?? Counts(inserted: 0, updated: 0, deleted: 0)
            let delta = Counts(
                inserted: now.inserted - before.inserted, updated: now.updated - before.updated,
                deleted: now.deleted - before.deleted)
            if delta != Counts(inserted: 0, updated: 0, deleted: 0) { writes[table] = delta }
        }
        return writes
    }

    /// The data tables whose row versions differ from `earlier`.
    func changedTables(since earlier: WriteProbe) -> [String] {
        versions.keys.filter { versions[$0] != earlier.versions[$0] }.sorted()
    }
}

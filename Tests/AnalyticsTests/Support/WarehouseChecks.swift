import Postgres
import Testing

/// Checks of a loaded warehouse's read side (rollups, views, example queries), shared by the
/// suites on the test server and on Citus; each records an issue for what does not hold.
enum WarehouseChecks {
    /// Every rollup table equals the same aggregate computed independently from the facts, for every day.
    static func rollupsMatchFacts(on warehouse: AnalyticsWarehouse) async throws {
        try await warehouse.withReader { connection in
            for check in IndependentAggregate.all {
                let table = check.table
                let extra = try await connection.execute(
                    Query(unsafeSQL: check.differences[0], name: "\(table) minus facts"))
                let missing = try await connection.execute(
                    Query(unsafeSQL: check.differences[1], name: "facts minus \(table)"))
                #expect(
                    extra.isEmpty && missing.isEmpty, "\(table): \(extra.count) extra rows, \(missing.count) missing")
                let count = try await connection.execute(Query(unsafeSQL: "SELECT count(*) AS n FROM \(table)"))
                #expect(try count.first?.decode("n", as: Int.self) ?? 0 > 0, "\(table) is empty")
            }
        }
    }

    /// Daily totals equal the mock's ground truth for the sampled days.
    static func rollupsMatchTruth(on warehouse: AnalyticsWarehouse) async throws {
        #expect(warehouse.truthByDay.count == 4)
        try await warehouse.withReader { connection in
            for (day, truth) in warehouse.truthByDay.sorted(by: { $0.key < $1.key }) {
                // The mock dates every conversation; the warehouse leaves out of the rollups the
                // few whose record carried no start time, so take those away from the truth.
                let absent = try await connection.execute(
                    """
                    SELECT count(*)::int AS n, coalesce(sum(kore_evaluation_score), 0)::int AS score,
                        count(kore_evaluation_score)::int AS scored, coalesce(sum(audit_score), 0)::int AS audit,
                        count(audit_score)::int AS audits, coalesce(sum(fatal_error_count), 0)::int AS fatal
                    FROM fact_conversation WHERE conversation_start IS NULL AND conversation_id = ANY(\(arrayLiteral(truth.ids))::text[])
                    """
                ).first
                let rollup = try await connection.execute(
                    """
                    SELECT conversations, evaluated, evaluation_score_sum::int AS score, audit_scored,
                        audit_score_sum::int AS audit, fatal_errors, audited, below_threshold
                    FROM rollup_daily_stream WHERE day = \(day.description)::date
                    """
                ).first
                let row = try #require(rollup, "no rollup row for \(day)")
                let missing = try #require(absent)
                func value(_ row: Row, _ column: String) throws -> Int { try row.decode(column, as: Int.self) ?? -1 }
                #expect(try value(missing, "n") == truth.withoutStartTime, "\(day)")
                #expect(try value(row, "conversations") == truth.conversations - value(missing, "n"), "\(day)")
                #expect(try value(row, "evaluated") == truth.evaluationScoreCount - value(missing, "scored"), "\(day)")
                #expect(try value(row, "score") == truth.evaluationScoreSum - value(missing, "score"), "\(day)")
                #expect(try value(row, "audit_scored") == truth.auditScoreCount - value(missing, "audits"), "\(day)")
                #expect(try value(row, "audit") == truth.auditScoreSum - value(missing, "audit"), "\(day)")
                #expect(try value(row, "fatal_errors") == truth.fatalErrors - value(missing, "fatal"), "\(day)")
            }
        }
    }

    /// Every view of the schema runs for the read-only role, and the promised ones (`ViewTests.promisedViews`) return rows.
    static func everyViewRuns(on warehouse: AnalyticsWarehouse) async throws {
        let views = try await warehouse.withAdmin { connection in
            try await connection.execute(
                "SELECT viewname FROM pg_views WHERE schemaname = \(warehouse.warehouseSchema.name) ORDER BY 1"
            ).compactMap { $0[0] }
        }
        #expect(
            Set(ViewTests.promisedViews).isSubset(of: Set(views)),
            "missing: \(Set(ViewTests.promisedViews).subtracting(views))")
        try await warehouse.withReader { connection in
            for view in views {
                let rows = try await connection.execute(Query(unsafeSQL: "SELECT * FROM \(view) LIMIT 20"))
                if ViewTests.promisedViews.contains(view) {
                    #expect(!rows.isEmpty, "\(view) returned no rows")
                }
            }
        }
    }

    /// Every sql/queries file runs for the read-only role and returns rows.
    static func exampleQueriesRun(on warehouse: AnalyticsWarehouse) async throws {
        let files = try RepositoryFiles.files(in: RepositoryFiles.queries, fileExtension: "sql")
        #expect(files.count >= 12)
        try await warehouse.withReader { connection in
            for file in files {
                let sql = try RepositoryFiles.text(file)
                #expect(sql.hasPrefix("-- "), "\(file.lastPathComponent) does not start with a comment")
                let rows = try await connection.execute(Query(unsafeSQL: sql, name: file.lastPathComponent))
                #expect(!rows.isEmpty, "\(file.lastPathComponent) returned no rows")
            }
        }
    }

    /// Every view, rollup table, column and the refresh function of the schema carry a comment.
    static func everythingIsCommented(on warehouse: AnalyticsWarehouse) async throws {
        let missing = try await warehouse.withAdmin { connection in
            try await connection.execute(
                """
                SELECT c.relname || coalesce('.' || a.attname, '') AS object
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    AND col_description(c.oid, a.attnum) IS NULL
                WHERE n.nspname = \(warehouse.warehouseSchema.name) AND c.relkind IN ('v', 'r')
                  AND (c.relname LIKE 'v\\_%' OR c.relname LIKE 'rollup\\_%')
                  AND (a.attname IS NOT NULL OR obj_description(c.oid, 'pg_class') IS NULL)
                UNION ALL
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = \(warehouse.warehouseSchema.name) AND obj_description(p.oid, 'pg_proc') IS NULL
                """
            ).compactMap { $0[0] }
        }
        #expect(missing.isEmpty, "without a comment: \(missing)")
    }
}

import Postgres

extension SyncExecution {
    /// Rebuilds the pending rollup days (the run's and any a stopped run left) under the lock
    /// policy, `refreshDaysPerTransaction` days a transaction: each holds the schema's rollup lock,
    /// which batches of other loaders marking days wait for, only briefly. Days rebuilt stay
    /// rebuilt if a later chunk fails; the rest stay pending for the next run.
    func refreshRollups(on connection: Connection) async throws {
        let refresher = RollupRefresher(schema: loader.schema)
        let days = try await connection.withTransaction { try refresher.pendingDays(on: $0) }
        for start in stride(from: 0, to: days.count, by: Self.refreshDaysPerTransaction) {
            let chunk = Array(days[start..<min(start + Self.refreshDaysPerTransaction, days.count)])
            let operation = "rollup refresh of \(chunk[0]) to \(chunk[chunk.count - 1])"
            _ = try await retrier.transaction(operation, on: connection, onRetry: noteLockRetry) {
                try refresher.refresh(days: chunk, on: $0)
            }
        }
    }

    /// Rollup days rebuilt in one transaction at the end of a run.
    static let refreshDaysPerTransaction = 31
}

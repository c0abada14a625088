import Logging
import Postgres
import QualityAI

/// Runs a transaction under a `LockPolicy`: `SET LOCAL lock_timeout` first, and on a lock
/// timeout, deadlock or serialization failure a rollback, a pause and the same body again, until
/// the retries run out and it throws `WarehouseError.lockConflict` naming who held the lock.
struct LockRetrier: Sendable {
    let policy: LockPolicy
    let schema: Identifier
    let logger: Logger

    /// Runs `body` in a transaction on `connection`; `operation` names the work in logs and
    /// errors; `onRetry` is called before each retry (to count it).
    func transaction<T: Sendable>(
        _ operation: String, on connection: Connection, onRetry: () -> Void,
        _ body: @Sendable (isolated Connection) throws -> T
    ) async throws -> T {
        let setTimeout = policy.setLocalTimeout
        var retry = 0
        while true {
            do {
                return try await connection.withTransaction { connection in
                    try connection.execute(setTimeout)
                    return try body(connection)
                }
            } catch let error as PostgresError where LockPolicy.isRetryable(error) {
                let holders = (try? await LockHolder.find(schema: schema, on: connection)) ?? []
                guard retry < policy.maxRetries else {
                    throw exhausted(operation, attempts: retry + 1, last: error, holders: holders)
                }
                retry += 1
                let pause = policy.delay(beforeRetry: retry)
                logger.info(
                    "transaction.lock_retry",
                    metadata: [
                        "transaction.operation": "\(operation)", "pg.sqlstate": "\(error.sqlState?.code ?? "")",
                        "pg.table": "\(error.table ?? holders.first?.table ?? "unknown")",
                        "lock.holders": "\(holders.map(\.description))", "retry.number": "\(retry)",
                        "retry.delay_seconds": "\(pause.inSeconds)",
                    ])
                onRetry()
                try await Task.sleep(for: pause)
            }
        }
    }

    private func exhausted(_ operation: String, attempts: Int, last: PostgresError, holders: [LockHolder])
        -> WarehouseError
    {
        let timeout = policy.timeout.inSeconds
        var message =
            "the \(operation) could not get its locks within the lock timeout (\(timeout) s) in \(attempts) attempts: "
            + "\(last.message) [SQLSTATE \(last.sqlState?.code ?? "?")]; everything committed before is kept"
        if holders.isEmpty {
            message += "; no other session held a conflicting lock on \(schema.name) tables any more when it gave up"
        } else {
            message += "; held by: " + holders.map(\.description).joined(separator: "; ")
        }
        return WarehouseError(
            code: .lockConflict, message: message,
            advice: "look in pg_stat_activity for long transactions on the \(schema.name) fact tables (SELECT pid, "
                + "usename, application_name, state, xact_start FROM pg_stat_activity WHERE xact_start < now() - "
                + "interval '1 minute' ORDER BY xact_start) and end them or wait for them, or raise "
                + "--lock-timeout-seconds; then run the same command again: it resumes after the last committed batch")
    }
}

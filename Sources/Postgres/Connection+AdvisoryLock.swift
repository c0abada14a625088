extension Connection {
    /// Takes the session-level advisory lock named `key` if it is free; returns whether it did.
    /// The lock lasts until `advisoryUnlock` or the end of the session.
    public func tryAdvisoryLock(_ key: String) throws(PostgresError) -> Bool {
        let rows = try execute("SELECT pg_try_advisory_lock(hashtextextended(\(key), 0)) AS locked")
        return try rows.first?.decode("locked", as: Bool.self) ?? false
    }

    /// Waits for the session-level advisory lock named `key`.
    public func advisoryLock(_ key: String) throws(PostgresError) {
        try execute("SELECT pg_advisory_lock(hashtextextended(\(key), 0))")
    }

    /// Releases a session-level advisory lock; returns whether this session held it.
    @discardableResult
    public func advisoryUnlock(_ key: String) throws(PostgresError) -> Bool {
        let rows = try execute("SELECT pg_advisory_unlock(hashtextextended(\(key), 0)) AS released")
        return try rows.first?.decode("released", as: Bool.self) ?? false
    }

    /// Waits for the transaction-level advisory lock named `key` (released at COMMIT/ROLLBACK).
    public func transactionAdvisoryLock(_ key: String) throws(PostgresError) {
        try execute("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))")
    }

    /// Takes the transaction-level advisory lock named `key` if it is free; returns whether it
    /// did. The lock lasts until the transaction ends (COMMIT or ROLLBACK); it conflicts with the
    /// session-level lock of the same key held by another session.
    public func tryTransactionAdvisoryLock(_ key: String) throws(PostgresError) -> Bool {
        let rows = try execute("SELECT pg_try_advisory_xact_lock(hashtextextended(\(key), 0)) AS locked")
        return try rows.first?.decode("locked", as: Bool.self) ?? false
    }
}

extension Connection {
    /// Runs `body` inside `BEGIN ... COMMIT`. If `body` throws, the transaction is rolled back and
    /// `body`'s error is rethrown unchanged; a failed BEGIN or COMMIT throws a `PostgresError`
    /// whose statement says which.
    public func withTransaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted, _ body: @Sendable (isolated Connection) throws -> T
    ) throws -> T {
        try execute(isolation.begin)
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try execute(Query("COMMIT", name: "COMMIT"))
        } catch {
            rollbackQuietly()
            throw error
        }
        return value
    }

    /// Rolls back whatever transaction is open, ignoring a failure (the connection may be gone).
    public func rollbackQuietly() {
        _ = try? execute(Query("ROLLBACK", name: "ROLLBACK"))
    }
}

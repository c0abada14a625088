extension Connection {
    /// Runs `body` inside `BEGIN ... COMMIT`. If `body` throws, the transaction is rolled back and
    /// `body`'s error is rethrown unchanged; a failed BEGIN or COMMIT throws a `PostgresError`
    /// whose statement says which.
    public func withTransaction<T: Sendable>(
        isolation: String = "READ COMMITTED", _ body: @Sendable (isolated Connection) throws -> T
    ) throws -> T {
        try execute(Query(unsafeSQL: "BEGIN ISOLATION LEVEL \(isolation)", name: "BEGIN"))
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try execute(Query(unsafeSQL: "COMMIT", name: "COMMIT"))
        } catch {
            rollbackQuietly()
            throw error
        }
        return value
    }

    /// Rolls back whatever transaction is open, ignoring a failure (the connection may be gone).
    public func rollbackQuietly() {
        _ = try? execute(Query(unsafeSQL: "ROLLBACK", name: "ROLLBACK"))
    }
}

import Postgres

/// Keeps the daily rollup tables (`rollup_daily_*`, migration 0003) in step with the facts.
///
/// Rollups are derived data: the rows of a UTC day are rebuilt as a whole (delete + insert) from
/// the facts by the SQL function `refresh_rollups(date[])`, in the caller's transaction. A load
/// marks the days it changed (`markChangedInBatch`, in the batch's transaction, cheap) and the
/// run rebuilds them once at its end (`refreshPending`); marks commit with the data, so days a
/// crashed run changed are rebuilt by the next `refreshPending`. `refreshChangedInBatch` instead
/// rebuilds at once, keeping rollups exact at every commit at a higher cost per batch. Every
/// method runs on an open transaction of `connection`.
public struct RollupRefresher: Sendable {
    public let schema: Identifier

    public init(schema: Identifier) {
        self.schema = schema
    }

    /// Rebuilds the rollup rows of `days` (duplicates ignored) and clears them from
    /// `rollup_pending_day`; returns how many days were rebuilt. Days without conversations end up
    /// with no rollup rows. Concurrent refreshes of one schema wait for each other (transaction
    /// advisory lock) until the caller's transaction ends.
    @discardableResult
    public func refresh(days: some Sequence<RollupDay>, on connection: isolated Connection) throws -> Int {
        let unique = Set(days).sorted()
        guard !unique.isEmpty else { return 0 }
        let rows = try connection.execute(
            Query(
                "SELECT \(schema, "refresh_rollups")(\(unique.map(\.description))::date[]) AS days",
                name: "refresh rollups"))
        return try rows.first?.decode("days", as: Int.self) ?? 0
    }

    /// Rebuilds every day from `first` through `last`, both inclusive.
    @discardableResult
    public func refresh(from first: RollupDay, through last: RollupDay, on connection: isolated Connection) throws
        -> Int
    {
        guard first <= last else { return 0 }
        let days = (first.daysSinceEpoch...last.daysSinceEpoch).map(RollupDay.init(daysSinceEpoch:))
        return try refresh(days: days, on: connection)
    }

    /// Records in `rollup_pending_day` the days of the conversations that the `BatchLoader.load`
    /// just run in this transaction inserted or changed; returns how many stream-days were new
    /// there. Call it right after `load`, inside the batch's transaction. Holds the schema's
    /// rollup lock shared until the commit: a day already pending takes no row lock here, so
    /// without it another loader's refresh could rebuild the day without this batch's facts and
    /// clear the mark before this batch commits.
    @discardableResult
    public func markChangedInBatch(on connection: isolated Connection) throws -> Int {
        guard try hasBatch(on: connection) else { return 0 }
        _ = try connection.execute(
            Query("SELECT pg_advisory_xact_lock_shared(\(schema, "rollup_lock_key")())", name: "share the rollup lock"))
        return try BatchLoader(schema: schema).markChangedDaysPending(on: connection)
    }

    /// Rebuilds every day in `rollup_pending_day` (marked by loads, also by earlier runs that
    /// stopped before rebuilding) and returns them. Call it after a run's last batch.
    @discardableResult
    public func refreshPending(on connection: isolated Connection) throws -> [RollupDay] {
        let days = try pendingDays(on: connection)
        try refresh(days: days, on: connection)
        return days
    }

    /// Rebuilds at once the days of the conversations that the `BatchLoader.load` just run in
    /// this transaction inserted or changed, and returns them. A batch of unchanged conversations
    /// rebuilds nothing and writes nothing.
    @discardableResult
    public func refreshChangedInBatch(on connection: isolated Connection) throws -> [RollupDay] {
        let days = try changedDaysInBatch(on: connection)
        try refresh(days: days, on: connection)
        return days
    }
}

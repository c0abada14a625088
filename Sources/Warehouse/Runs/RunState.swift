import Postgres

/// Where an `etl_run` row stands (`etl_run.status`; the table's CHECK allows exactly these).
public enum RunState: String, Sendable, Hashable, CaseIterable, Encodable, PostgresEncodable, PostgresDecodable,
    CustomStringConvertible
{
    /// Started and not finished; a dead process's run stays here until the next run closes it.
    case running
    /// Finished with every slice done.
    case succeeded
    /// Finished, but some slices were deferred or failed and a rerun picks them up.
    case partial
    /// Stopped by an error (`etl_run.error` says which).
    case failed

    /// The value as `etl_run` stores it.
    public var description: String { rawValue }
}

import ArgumentParser

/// The process exit codes job runners can rely on (sysexits values where one fits).
enum ExitStatus {
    /// The work finished.
    static let success = ExitCode(0)
    /// The work failed (database or API error, bad data that stopped the run).
    static let failure = ExitCode(1)
    /// The run finished, but some records were quarantined in `etl_rejected`.
    static let rejectedRecords = ExitCode(2)
    /// `status --check`: a stream's coverage has gaps; `verify`: days differ from the API.
    static let incomplete = ExitCode(3)
    /// Bad command line or configuration; nothing was done.
    static let usage = ExitCode(64)
    /// The database or API could not be reached.
    static let unavailable = ExitCode(69)
    /// Another run holds the lock for this stream (nothing was done), or another session's locks
    /// outlasted the lock timeout and its retries (committed batches are kept). Try again later.
    static let locked = ExitCode(75)
    /// The schema is newer than this binary, or an applied migration was edited.
    static let schemaMismatch = ExitCode(65)

    static let helpText = """
        Exit codes: 0 success, 1 failure, 2 finished with rejected records (see etl_rejected), 3 incomplete (status --check found coverage gaps, verify \
        found days that differ from the API), 64 usage or configuration error, 65 schema newer than this \
        binary or an applied migration edited, 69 database or API unavailable, 75 another run or session holds a lock (try again later).
        """
}

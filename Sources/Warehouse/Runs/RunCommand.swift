import Postgres

/// The command an `etl_run` row records (`etl_run.command`).
public enum RunCommand: String, Sendable, Hashable, CaseIterable, Encodable, PostgresEncodable, PostgresDecodable,
    CustomStringConvertible
{
    /// The nightly job: new data past the watermark, the re-sweep and gaps; moves the watermark.
    case sync
    /// A given range, loaded without moving the watermark.
    case backfill
    /// The comparison of warehouse and API counts.
    case verify
    /// The reload of the days `verify --repair` found different.
    case repair
    /// `stream rewind`: a stream's watermark set back.
    case streamRewind = "stream rewind"
    /// `stream forget`: a stream's rows and state removed.
    case streamForget = "stream forget"

    /// The value as `etl_run` stores it.
    public var description: String { rawValue }
}

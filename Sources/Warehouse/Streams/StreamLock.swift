import Postgres

/// The advisory lock of a stream of one warehouse schema, taken at transaction level: by a load
/// while it claims a range of the stream (`RangeClaim`), and by `stream rewind` and `stream forget`
/// while they change the stream's state (refusing while any load claims the stream). So a change
/// never runs while a load holds the stream, and the other way round.
public enum StreamLock {
    /// The lock's key (hashed by `hashtextextended` into PostgreSQL's advisory-lock space).
    public static func key(schema: Identifier, stream: String) -> String {
        "qai-loader:stream:\(schema.name):\(stream)"
    }

    /// Tries of a held stream lock, 250 ms apart, before giving up with `.lockHeld` (3 s).
    static let graceTries = 12

    /// Runs the try-lock `attempt` until it succeeds, up to `graceTries` times 250 ms apart; returns
    /// whether it did. A lock still held may belong to a run that just ended, whose server session
    /// is still exiting.
    static func tryWithGrace(_ attempt: () async throws -> Bool) async throws -> Bool {
        var tries = 1
        var locked = try await attempt()
        while !locked, tries < graceTries {
            try await Task.sleep(for: .milliseconds(250))
            locked = try await attempt()
            tries += 1
        }
        return locked
    }
}

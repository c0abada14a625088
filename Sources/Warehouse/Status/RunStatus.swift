/// One `etl_run` row as `status` shows it.
public struct RunStatus: Sendable, Encodable, Equatable {
    public var runId: Int64
    public var command: RunCommand
    public var status: RunState
    /// Epoch seconds.
    public var startedAt: Int64
    /// Epoch seconds; nil while running or when the process died.
    public var finishedAt: Int64?
    /// Seconds from start to finish, or to the report's time while running.
    public var durationSeconds: Double
    public var fetched: Int64
    public var inserted: Int64
    public var updated: Int64
    public var unchanged: Int64
    public var rejected: Int64
    public var requests: Int64
    public var retries: Int64
    public var rateLimited: Int64
    /// Values not readable as their type, by the decoder's field label (`etl_run.type_drift`).
    public var typeDrift: [String: Int] = [:]
    /// The sum of `typeDrift`.
    public var typeDriftTotal: Int64 = 0
    /// The first line of the run's error, when it failed or was partial.
    public var error: String?
    public var host: String?
    public var pid: Int?
    /// For a `running` run: whether its process still holds the run's lock (false: it died and the
    /// next sync or backfill will mark it failed). Nil for finished runs.
    public var alive: Bool?

    enum CodingKeys: String, CodingKey {
        case runId = "run_id", command, status, startedAt = "started_at", finishedAt = "finished_at"
        case durationSeconds = "duration_seconds", fetched, inserted, updated, unchanged, rejected, requests, retries
        case rateLimited = "rate_limited", typeDrift = "type_drift", typeDriftTotal = "type_drift_total", error, host
        case pid, alive
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runId, forKey: .runId)
        try container.encode(command, forKey: .command)
        try container.encode(status, forKey: .status)
        try container.encode(StatusTime.iso(startedAt), forKey: .startedAt)
        try container.encode(finishedAt.map(StatusTime.iso), forKey: .finishedAt)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        for (key, value) in [
            (CodingKeys.fetched, fetched), (.inserted, inserted), (.updated, updated), (.unchanged, unchanged),
            (.rejected, rejected), (.requests, requests), (.retries, retries), (.rateLimited, rateLimited),
        ] {
            try container.encode(value, forKey: key)
        }
        try container.encode(typeDrift, forKey: .typeDrift)
        try container.encode(typeDriftTotal, forKey: .typeDriftTotal)
        try container.encode(error, forKey: .error)
        try container.encode(host, forKey: .host)
        try container.encode(pid, forKey: .pid)
        try container.encode(alive, forKey: .alive)
    }
}

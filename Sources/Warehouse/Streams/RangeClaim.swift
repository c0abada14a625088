import Foundation
import Postgres
import QualityAI

/// The ranges of its streams a load holds while it runs (`etl_run_claim`): a `sync` and a
/// `backfill` of one stream run side by side when their ranges are disjoint, and an overlapping
/// run refuses with `.lockHeld`, naming the run that holds the range. A claim is made under the
/// stream's `StreamLock` at transaction level (so `stream rewind` and `forget` never run halfway
/// through one) and lives as long as the claiming session holds its own advisory lock: the rows
/// of a process that died are stale, and the next claim of the stream deletes them.
public struct RangeClaim: Sendable {
    /// One stream's claimed range: first and last second, inclusive.
    public struct Range: Sendable, Hashable {
        public var streamId: String
        public var start: Int64
        public var end: Int64

        public init(streamId: String, start: Int64, end: Int64) {
            self.streamId = streamId
            self.start = start
            self.end = end
        }
    }

    /// A live claim of another run that stands in the way.
    struct Holder: Sendable {
        var streamId: String
        var start: Int64
        var end: Int64
        var command: RunCommand
        var runId: Int64?
        var host: String?
        var pid: Int?
    }

    /// How one try to claim a range ended.
    private enum Attempt {
        case claimed
        /// Another session holds the stream's lock (a stream command, or another claim being made).
        case streamLocked
        case heldBy(Holder)
    }

    let schema: Identifier
    /// The advisory lock this claim's session holds while it runs.
    let key: String

    /// A claim for `schema` with a fresh key.
    init(schema: Identifier) {
        self.schema = schema
        key = "qai-loader:claim:\(schema.name):\(UUID().uuidString)"
    }

    /// The range of each stream of `slices`: from the first slice's start to the last one's end.
    static func ranges(of slices: [SliceSpec]) -> [Range] {
        var ranges: [String: Range] = [:]
        for slice in slices {
            let window = slice.window
            if let known = ranges[slice.streamId] {
                ranges[slice.streamId] = Range(
                    streamId: slice.streamId, start: min(known.start, window.start), end: max(known.end, window.end))
            } else {
                ranges[slice.streamId] = Range(streamId: slice.streamId, start: window.start, end: window.end)
            }
        }
        return ranges.values.sorted { $0.streamId < $1.streamId }
    }

    /// Claims `ranges` for `command` on `connection` (which must stay open for the run), each
    /// stream tried for up to 3 seconds (a run that just ended may still be closing its session).
    /// Throws `.lockHeld` naming the run in the way; then nothing is claimed.
    func claim(_ ranges: [Range], command: RunCommand, on connection: Connection) async throws {
        guard try await connection.tryAdvisoryLock(key) else {
            throw WarehouseError(code: .lockHeld, message: "the claim key \(key) is taken", advice: "run it again")
        }
        do {
            for range in ranges {
                var holder: Holder?
                let claimed = try await StreamLock.tryWithGrace {
                    switch try await tryClaim(range, command: command, on: connection) {
                    case .claimed: return true
                    case .streamLocked: holder = nil
                    case .heldBy(let other): holder = other
                    }
                    return false
                }
                guard claimed else { throw Self.refusal(range, holder: holder, schema: schema) }
            }
        } catch {
            await release(on: connection)
            throw error
        }
    }

    /// Names the run in the claim rows, once it has started.
    func attach(runId: Int64, on connection: Connection) async throws {
        try await connection.execute(
            Query(
                "UPDATE \(schema, "etl_run_claim") SET run_id = \(runId) WHERE claim_key = \(key)",
                name: "name the run in its claims"))
    }

    /// Gives the ranges back (the run ended); a failure is left to the next claim's clean-up.
    func release(on connection: Connection) async {
        _ = try? await connection.execute(
            Query("DELETE FROM \(schema, "etl_run_claim") WHERE claim_key = \(key)", name: "release the run's claims"))
        _ = try? await connection.advisoryUnlock(key)
    }

    /// One try: in one transaction under the stream's lock, deletes stale claims of the stream and
    /// inserts this one unless a live claim overlaps it.
    private func tryClaim(_ range: Range, command: RunCommand, on connection: Connection) async throws -> Attempt {
        try await connection.execute(IsolationLevel.readCommitted.begin)
        do {
            guard
                try await connection.tryTransactionAdvisoryLock(StreamLock.key(schema: schema, stream: range.streamId))
            else {
                await connection.rollbackQuietly()
                return .streamLocked
            }
            let live = try await Self.liveClaims(
                stream: range.streamId, schema: schema, except: key, on: connection)
            if let holder = live.first(where: { $0.start <= range.end && $0.end >= range.start }) {
                await connection.rollbackQuietly()
                return .heldBy(holder)
            }
            try await connection.execute(
                Query(
                    """
                    INSERT INTO \(schema, "etl_run_claim") (claim_key, stream_id, range_start, range_end, command, host, pid)
                    VALUES (\(key), \(range.streamId), to_timestamp(\(range.start)), to_timestamp(\(range.end)), \(command),
                        \(ProcessInfo.processInfo.hostName), \(Int(ProcessInfo.processInfo.processIdentifier)))
                    """, name: "claim a stream's range"))
            try await connection.execute(Query("COMMIT", name: "COMMIT"))
            return .claimed
        } catch {
            await connection.rollbackQuietly()
            throw error
        }
    }

    /// The claims of `stream` whose session is alive (other than `except`); deletes the stale ones.
    /// Inside the caller's transaction, under the stream's lock.
    static func liveClaims(
        stream: String, schema: Identifier, except: String? = nil, on connection: Connection
    ) async throws -> [Holder] {
        let rows = try await connection.execute(
            Query(
                """
                SELECT claim_key, extract(epoch FROM range_start)::bigint AS range_start,
                    extract(epoch FROM range_end)::bigint AS range_end, command, run_id, host, pid
                FROM \(schema, "etl_run_claim") WHERE stream_id = \(stream) ORDER BY claimed_at
                """, name: "read a stream's claims"))
        var live: [Holder] = []
        for row in rows {
            let key = row[0] ?? ""
            if key == except { continue }
            if try await connection.tryAdvisoryLock(key) {
                _ = try await connection.advisoryUnlock(key)
                try await connection.execute(
                    Query(
                        "DELETE FROM \(schema, "etl_run_claim") WHERE claim_key = \(key)",
                        name: "delete a dead run's claims"))
                continue
            }
            live.append(
                Holder(
                    streamId: stream, start: try row.decode("range_start", as: Int64.self) ?? 0,
                    end: try row.decode("range_end", as: Int64.self) ?? 0, command: try row.require("command"),
                    runId: try row.decode("run_id", as: Int64.self), host: row[5],
                    pid: try row.decode("pid", as: Int.self)))
        }
        return live
    }

    /// The `.lockHeld` error for `range`, naming who holds it (nil: the stream's lock was busy).
    static func refusal(_ range: Range, holder: Holder?, schema: Identifier) -> WarehouseError {
        let wanted = "\(TimeWindow(start: range.start, end: range.end))"
        guard let holder else {
            return WarehouseError(
                code: .lockHeld,
                message:
                    "another qai-loader run is loading stream \(range.streamId) into schema \(schema.name) "
                    + "(or a stream command is changing it)",
                advice: "wait for it to finish (qai-loader status shows running runs); nothing was changed")
        }
        let who = holder.runId.map { "run \($0)" } ?? "a run"
        let place = [holder.host, holder.pid.map { "pid \($0)" }].compactMap { $0 }.joined(separator: " ")
        return WarehouseError(
            code: .lockHeld,
            message:
                "another qai-loader run is loading stream \(range.streamId) into schema \(schema.name): \(who) "
                + "(\(holder.command.rawValue)\(place.isEmpty ? "" : ", " + place)) holds "
                + "\(TimeWindow(start: holder.start, end: holder.end)), which overlaps \(wanted)",
            advice:
                "wait for it to finish (qai-loader status shows running runs), or load a range that does not "
                + "overlap it; nothing was changed")
    }
}

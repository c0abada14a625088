import Logging
import Postgres
import QualityAI

/// One API account's request budget, shared through the warehouse by every qai-loader process
/// that loads streams of the account: a request starts only while fewer than `limit` requests of
/// the account (from any process) were counted in the trailing window, and a 429 any of them sees
/// pauses all of them (`etl_account_request`, `etl_account_budget`, `sql/repeatable/request_budget.sql`).
///
/// Each request also takes a slot of this process's own ``RateLimiter`` of the same limit. When the
/// warehouse cannot be reached (at the start or later), the process keeps that limit alone and
/// says so once in the log.
public actor SharedRequestBudget: RequestBudget {
    /// The account whose budget this is.
    public nonisolated let accountId: String
    /// Requests allowed per window.
    public nonisolated let limit: Int
    private let windowMilliseconds: Int
    private let local: RateLimiter
    private let schema: Identifier
    private let logger: Logger
    private var connection: Connection?

    /// A budget of `requestsPerMinute` (more than 0) for `accountId`, on a connection of its own to
    /// `database`. `window` is the sliding window (a minute and half a second, as ``RateLimiter``'s).
    public static func open(
        accountId: String, requestsPerMinute: Int, database: DatabaseConfiguration, schema: Identifier,
        window: Duration = .milliseconds(60_500), logger: Logger
    ) async -> SharedRequestBudget {
        let local = RateLimiter(limit: requestsPerMinute, per: window)
        var connection: Connection?
        do {
            connection = try await Connection.connect(database, logger: logger)
        } catch {
            Self.warnUnreachable(error, accountId: accountId, limit: requestsPerMinute, logger: logger)
        }
        return SharedRequestBudget(
            accountId: accountId, limit: requestsPerMinute, window: window, local: local, schema: schema,
            connection: connection, logger: logger)
    }

    private init(
        accountId: String, limit: Int, window: Duration, local: RateLimiter, schema: Identifier,
        connection: Connection?, logger: Logger
    ) {
        self.accountId = accountId
        self.limit = limit
        self.windowMilliseconds = window.millisecondsRoundedUp
        self.local = local
        self.schema = schema
        self.connection = connection
        self.logger = logger
    }

    /// Whether the budget is still shared (the warehouse answered every call so far).
    public var isShared: Bool { connection != nil }

    public func acquire() async throws(CancellationError) -> RateLimiter.Grant {
        var grant = try await local.acquire()
        let began = ContinuousClock.now
        let ticket = Int64.random(in: 1...Int64.max)
        while let connection {
            let wait: Int
            do {
                let rows = try await connection.execute(
                    Query(
                        """
                        SELECT \(schema, "request_budget_take")(\(accountId), \(limit), \(windowMilliseconds), \(ticket))
                        """, name: "take a request of the account's budget"))
                wait = try rows.first?.decode(0, as: Int.self) ?? 0
            } catch {
                await lose(error)
                break
            }
            if wait == 0 {
                grant.ticket = ticket
                break
            }
            do {
                try await Task.sleep(for: .milliseconds(wait))
            } catch {
                throw CancellationError()
            }
        }
        grant.waited += ContinuousClock.now - began
        return grant
    }

    public func release(_ grant: RateLimiter.Grant) async {
        await local.release(grant)
        guard let ticket = grant.ticket, let connection else { return }
        do {
            try await connection.execute(
                Query(
                    "SELECT \(schema, "request_budget_release")(\(accountId), \(ticket))",
                    name: "release a request of the account's budget"))
        } catch {
            await lose(error)
        }
    }

    public func rateLimited(for pause: Duration, reason: String) async {
        await local.rateLimited(for: pause, reason: reason)
        guard let connection else { return }
        let milliseconds = pause.millisecondsRoundedUp
        do {
            try await connection.execute(
                Query(
                    "SELECT \(schema, "request_budget_pause")(\(accountId), \(max(1, milliseconds)), \(reason))",
                    name: "pause the account's budget"))
        } catch {
            await lose(error)
        }
    }

    /// Closes the budget's connection.
    public func close() async {
        await connection?.close()
        connection = nil
    }

    /// The warehouse failed a call: from now on this process keeps its own limit.
    private func lose(_ error: any Error) async {
        guard let lost = connection else { return }
        connection = nil
        await lost.close()
        Self.warnUnreachable(error, accountId: accountId, limit: limit, logger: logger)
    }

    private static func warnUnreachable(_ error: any Error, accountId: String, limit: Int, logger: Logger) {
        logger.warning(
            "budget.unshared",
            metadata: [
                "account.id": "\(accountId)", "budget.limit": "\(limit)", "error": "\(error)",
                "hint":
                    "the request budget cannot be shared through the warehouse; this process keeps its own limit of \(limit) a minute",
            ])
    }
}

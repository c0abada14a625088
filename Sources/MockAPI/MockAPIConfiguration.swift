import Foundation

/// Everything that defines a mock API instance: where it listens, what data it serves, which
/// credentials it accepts and which faults it injects. The served data is a pure function of
/// (seed, stream, conversation index, epoch), or in clock mode (`clock` set) of (seed, stream,
/// conversation index, simulated time).
public struct MockAPIConfiguration: Sendable, CustomStringConvertible {
    /// Address to bind; keep it on loopback.
    public var host: String
    /// Port to bind; 0 picks any free port (learn it from `MockAPIServer`).
    public var port: Int
    /// Stream (bot/app) ids served; any other id answers 404.
    public var streams: [String]
    public var conversationsPerStream: Int
    /// Conversations start within the `days` days before `end`.
    public var days: Int
    /// End of the generated range and, in epoch mode, the mock's "now" for audit dates, in epoch
    /// seconds.
    public var end: Int64
    public var seed: UInt64
    /// HS256 key that `auth` tokens must be signed with.
    public var clientSecret: String
    /// When set, the token's `appId` must equal it; otherwise any non-empty `appId` is accepted.
    public var clientId: String?
    /// When set, the `accountId` header must equal it; otherwise any non-empty value is accepted.
    public var accountId: String?
    /// When set, the `orgId` header must equal it; otherwise any non-empty value is accepted.
    public var orgId: String?
    /// Initial late-audit epoch (0 = initial state); epoch mode only.
    public var epoch: Int
    /// Clock mode when set: the initial simulated "now" in epoch seconds. Conversations exist once
    /// they have ended and audits happen at times `auditLag` draws; `end` may lie after it.
    public var clock: Int64?
    /// When audits, re-audits and agent renames happen in clock mode.
    public var auditLag: AuditLagModel
    public var faults: FaultConfiguration
    /// Path prefixes before `/{streamId}/rawdata`: the current one and the 2024 one.
    public var pathPrefixes: [String]
    /// Generate and serialise every record before listening (up to 200,000 records), so that
    /// serving a page is copying bytes and a benchmark measures the client, not the mock.
    public var prewarm: Bool

    public init(
        host: String = "127.0.0.1",
        port: Int = 8089,
        streams: [String] = ["st-demo"],
        conversationsPerStream: Int = 2_000,
        days: Int = 30,
        end: Int64? = nil,
        seed: UInt64 = 42,
        clientSecret: String = MockAPIConfiguration.defaultClientSecret,
        clientId: String? = nil,
        accountId: String? = nil,
        orgId: String? = nil,
        epoch: Int = 0,
        clock: Int64? = nil,
        auditLag: AuditLagModel = .standard,
        faults: FaultConfiguration = FaultConfiguration(),
        pathPrefixes: [String] = MockAPIConfiguration.defaultPathPrefixes,
        prewarm: Bool = true
    ) {
        self.host = host
        self.port = port
        self.streams = streams
        self.conversationsPerStream = conversationsPerStream
        self.days = days
        self.end = end ?? Self.currentHour()
        self.seed = seed
        self.clientSecret = clientSecret
        self.clientId = clientId
        self.accountId = accountId
        self.orgId = orgId
        self.epoch = epoch
        self.clock = clock
        self.auditLag = auditLag
        self.faults = faults
        self.pathPrefixes = pathPrefixes
        self.prewarm = prewarm
    }

    /// The secret used when none is given (the mock is for tests and demos only).
    public static let defaultClientSecret = "qai-mock-client-secret"

    public static let defaultPathPrefixes = [
        "/qualityai/api/v1/public/qualitymanagement/app",
        "/agentassist/api/v1/public/qualitymanagement/app",
    ]

    /// First second of the generated range.
    public var start: Int64 { end - Int64(days) * 86_400 }

    /// The current time rounded down to the hour, in epoch seconds.
    public static func currentHour() -> Int64 {
        let now = Int64(Date().timeIntervalSince1970)
        return now - now % 3_600
    }

    public var description: String {
        "mock API on \(host):\(port), streams \(streams.joined(separator: ",")), "
            + "\(conversationsPerStream) conversations over \(days) days to \(UTCTime.spaced(end)), seed \(seed), "
            + (clock.map { "simulated clock from \(UTCTime.spaced($0))" } ?? "epoch \(epoch)")
            + ", client secret <redacted>"
    }
}

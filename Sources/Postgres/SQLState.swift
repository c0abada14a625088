/// A five-character SQLSTATE code reported by the server, with names for the ones the loader
/// branches on. Compare against these constants, never against message text.
public struct SQLState: Sendable, Hashable, CustomStringConvertible {
    /// The raw five-character code, e.g. `23505`.
    public let code: String

    public init(_ code: String) { self.code = code }

    public var description: String { code }

    public static let uniqueViolation = SQLState("23505")
    public static let foreignKeyViolation = SQLState("23503")
    public static let notNullViolation = SQLState("23502")
    public static let checkViolation = SQLState("23514")
    public static let serializationFailure = SQLState("40001")
    public static let deadlockDetected = SQLState("40P01")
    public static let lockNotAvailable = SQLState("55P03")
    public static let queryCanceled = SQLState("57014")
    public static let adminShutdown = SQLState("57P01")
    public static let cannotConnectNow = SQLState("57P03")
    public static let invalidPassword = SQLState("28P01")
    public static let invalidAuthorization = SQLState("28000")
    public static let invalidCatalogName = SQLState("3D000")
    public static let insufficientPrivilege = SQLState("42501")
    public static let undefinedTable = SQLState("42P01")
    public static let invalidTextRepresentation = SQLState("22P02")
    public static let characterNotInRepertoire = SQLState("22021")
    public static let untranslatableCharacter = SQLState("22P05")
    public static let diskFull = SQLState("53100")
    public static let outOfMemory = SQLState("53200")
    public static let tooManyConnections = SQLState("53300")

    /// Whether retrying the same transaction may succeed (serialization, deadlock, lock timeout,
    /// the server restarting).
    public var isTransient: Bool {
        [.serializationFailure, .deadlockDetected, .lockNotAvailable, .adminShutdown, .cannotConnectNow]
            .contains(self) || code.hasPrefix("08")
    }
}

/// A transaction isolation level, as `BEGIN ISOLATION LEVEL` takes it.
public enum IsolationLevel: String, Sendable, Hashable, CaseIterable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"

    /// The statement that opens a transaction at this level.
    public var begin: Query {
        switch self {
        case .readCommitted: Query("BEGIN ISOLATION LEVEL READ COMMITTED", name: "BEGIN")
        case .repeatableRead: Query("BEGIN ISOLATION LEVEL REPEATABLE READ", name: "BEGIN")
        case .serializable: Query("BEGIN ISOLATION LEVEL SERIALIZABLE", name: "BEGIN")
        }
    }
}
